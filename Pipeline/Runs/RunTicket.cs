using System.Globalization;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Pipeline.Runs;

/// <summary>One triggered run of a quarter: its id, when it was triggered and the Hangfire job of each stage. Immutable.</summary>
public sealed record RunTicket(Quarter Quarter, string RunId, DateTimeOffset TriggeredAt, IReadOnlyDictionary<string, string> Jobs)
{
    private const string RunIdField = "runId";
    private const string TriggeredAtField = "triggeredAt";
    private const string JobPrefix = "job:";

    /// <summary>The Hangfire hash that holds the quarter's latest ticket.</summary>
    public static string HashKey(Quarter quarter) => $"blindspot:run:{quarter}";

    public Dictionary<string, string> ToHash()
    {
        var hash = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RunIdField] = RunId,
            [TriggeredAtField] = TriggeredAt.ToString("O", CultureInfo.InvariantCulture),
        };
        foreach (var (stage, job) in Jobs)
        {
            hash[JobPrefix + stage] = job;
        }

        return hash;
    }

    public static RunTicket? FromHash(Quarter quarter, IReadOnlyDictionary<string, string>? hash)
    {
        if (hash is null || !hash.TryGetValue(RunIdField, out var runId) || !hash.TryGetValue(TriggeredAtField, out var at))
        {
            return null;
        }

        var jobs = PipelineStages.Order.Where(s => hash.ContainsKey(JobPrefix + s)).ToDictionary(s => s, s => hash[JobPrefix + s], StringComparer.Ordinal);
        return new RunTicket(quarter, runId, DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), jobs);
    }
}
