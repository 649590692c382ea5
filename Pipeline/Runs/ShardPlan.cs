using BlindSpot.Core.Quarters;

namespace BlindSpot.Pipeline.Runs;

/// <summary>
/// The shard jobs a run's score stage enqueued, one per 시도 part, kept in the storage hash <c>blindspot:shards:&lt;Q&gt;</c>
/// (replaced by each run's fan-out). The reduce reads it to see whether every shard has succeeded. Immutable.
/// </summary>
public sealed record ShardPlan(string RunId, IReadOnlyDictionary<string, string> Jobs)
{
    private const string RunIdField = "runId";
    private const string JobPrefix = "job:";

    public static string HashKey(Quarter quarter) => $"blindspot:shards:{quarter}";

    public Dictionary<string, string> ToHash()
    {
        var hash = new Dictionary<string, string>(StringComparer.Ordinal) { [RunIdField] = RunId };
        foreach (var (part, job) in Jobs)
        {
            hash[JobPrefix + part] = job;
        }

        return hash;
    }

    public static ShardPlan? FromHash(IReadOnlyDictionary<string, string>? hash)
    {
        if (hash is null || !hash.TryGetValue(RunIdField, out var runId))
        {
            return null;
        }

        var jobs = hash.Where(e => e.Key.StartsWith(JobPrefix, StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(e => e.Key[JobPrefix.Length..], e => e.Value, StringComparer.Ordinal);
        return new ShardPlan(runId, jobs);
    }
}
