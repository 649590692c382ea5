using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Tests.TestSupport;

/// <summary>A logger provider that keeps every entry at every level, with its scopes rendered as "key=value" text.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static string Render(object? value) => value switch
    {
        IEnumerable<KeyValuePair<string, object?>> pairs => string.Join(", ", pairs.Select(p => $"{p.Key}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}")),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner.scopes.ForEachScope((scope, list) => list.Add(Render(scope)), scopes);
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(p => $"{p.Key}={Render(p.Value)}").ToList() : [];
            owner.entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), fields, exception?.ToString(), scopes));
        }
    }
}
