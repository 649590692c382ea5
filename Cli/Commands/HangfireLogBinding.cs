using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// Hangfire's own lines (server start, job failures, retries) through a container's loggers while that container lives.
/// Hangfire's log provider is process-wide, so disposing the container (which disposes this before the logger factory it
/// was made from) puts the default back: a later container in the same process (tests run verbs in-process) must not
/// reach a disposed factory.
/// </summary>
internal sealed class HangfireLogBinding : IDisposable
{
    public HangfireLogBinding(ILoggerFactory loggers) =>
        GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(loggers));

    public void Dispose() => LogProvider.SetCurrentLogProvider(null);
}
