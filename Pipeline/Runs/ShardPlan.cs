using BlindSpot.Core.Quarters;

namespace BlindSpot.Pipeline.Runs;

/// <summary>
/// The bucket jobs a run's bucketed stage enqueued, one per part, kept in the storage hash
/// <c>blindspot:shards:&lt;stage&gt;:&lt;Q&gt;</c> (replaced by each run's fan-out). The reduce reads it to see whether every
/// part has succeeded. <see cref="Phase"/> is the last phase enqueued (a stage whose parts come in phases, such as ingest's
/// roster before its feeds: <c>IBucketedStage.Phases</c>); the reduce enqueues the next one once it succeeded. Immutable.
/// </summary>
public sealed record ShardPlan(string RunId, IReadOnlyDictionary<string, string> Jobs)
{
    private const string RunIdField = "runId";
    private const string PhaseField = "phase";
    private const string JobPrefix = "job:";

    /// <summary>The index of the last phase whose jobs are in <see cref="Jobs"/>; 0 for a stage of one phase.</summary>
    public int Phase { get; init; }

    /// <summary>The plan of <paramref name="stage"/>'s bucket jobs for <paramref name="quarter"/>.</summary>
    public static string HashKey(string stage, Quarter quarter) => $"blindspot:shards:{stage}:{quarter}";

    /// <summary>The plan of the score stage's shards (<see cref="HashKey(string, Quarter)"/> for <c>score</c>).</summary>
    public static string HashKey(Quarter quarter) => HashKey(Core.Stages.StageNames.Score, quarter);

    public Dictionary<string, string> ToHash()
    {
        var hash = new Dictionary<string, string>(StringComparer.Ordinal) { [RunIdField] = RunId, [PhaseField] = Phase.ToString(System.Globalization.CultureInfo.InvariantCulture) };
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
        var phase = hash.TryGetValue(PhaseField, out var text) && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 0;
        return new ShardPlan(runId, jobs) { Phase = phase };
    }
}
