using BlindSpot.Dispatch;

namespace BlindSpot.Pipeline;

/// <summary>
/// Settings of the quarterly run and its Hangfire hosting. Mutable only until <see cref="Validate"/> is called at start-up
/// (by <see cref="PipelineServiceCollectionExtensions.AddPipeline"/>).
/// </summary>
public sealed class PipelineOptions
{
    /// <summary>The data root every stage reads and writes (raw/, lake/, features/, scores/, worklists/, runs/). Required.</summary>
    public string DataRoot { get; set; } = "";

    /// <summary>The models folder (<c>&lt;variant&gt;/live.json</c>). Default null: <c>&lt;DataRoot&gt;/models</c>.</summary>
    public string? ModelsFolder { get; set; }

    /// <summary>
    /// Hangfire.PostgreSql connection string. Default null: Hangfire.InMemory, which needs no server but lives and dies
    /// with the process (the CLI then runs the chain in-process and waits).
    /// </summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Schema of the Hangfire tables in PostgreSQL, installed on first use. Default "hangfire"; lower-case letters, digits, underscore.</summary>
    public string PostgresSchema { get; set; } = "hangfire";

    /// <summary>
    /// Schema of the worklist table (<c>worklist_entries</c>) the dispatch stage also fills when PostgreSQL is given, as
    /// <c>blindspot dispatch --postgres</c> does; migrated on first use. Default "blindspot"; lower-case letters, digits, underscore.
    /// </summary>
    public string WorklistSchema { get; set; } = "blindspot";

    /// <summary>The queue the stage jobs go to, stored on each job so retries stay on it. Default "quarter"; lower-case letters, digits, underscore.</summary>
    public string Queue { get; set; } = "quarter";

    /// <summary>
    /// The queue of the part jobs (ingest's roster and feeds; features and score, one per household bucket), stored on each job like <see cref="Queue"/>. Default "shards";
    /// lower-case letters, digits, underscore. Workers that should take shards listen to it.
    /// </summary>
    public string ShardQueue { get; set; } = "shards";

    /// <summary>
    /// Run ingest (its roster part, then one part per delivered feed), features and score (one job per household bucket) as
    /// part jobs on <see cref="ShardQueue"/> and a reduce job per stage, so several workers share them.
    /// Default null: on with PostgreSQL storage (workers may be many), off in memory (one process, where the single-process
    /// scorer already uses every core and keeps fewer candidates). Both give the same score files.
    /// </summary>
    public bool? ScoreShards { get; set; }

    /// <summary>
    /// Buckets ingest splits each quarter into, 1–999 (the CLI sets it from <c>Partitioning:Buckets</c>). Default null: one
    /// bucket per 500,000 people of the quarter's roster.
    /// </summary>
    public int? Buckets { get; set; }

    /// <summary>Jobs one server runs at once. Default 1, as a quarter's stages run one after another and each uses every core; 1–16.</summary>
    public int WorkerCount { get; set; } = 1;

    /// <summary>
    /// Shard jobs one worker process runs at once, on a server of their own. Default: the number of cores, as a shard scores
    /// one part on one core; 1–64.
    /// </summary>
    public int ShardWorkerCount { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// How often a server looks for new jobs, and how often a follower looks at the run. Default 1 s; 100 ms–15 s.
    /// Hangfire.PostgreSql's own default is 15 s, which makes a chain of five jobs wait a minute for nothing.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Hangfire.PostgreSql invisibility timeout, always sliding: a live worker keeps refreshing it, so it only decides how
    /// soon a dead worker's job is taken over. Default 5 min; 1–60 min.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Cron of the recurring run for the quarter just ended. Default 02:00 on the 1st of January, April, July and October.</summary>
    public string Cron { get; set; } = "0 2 1 1,4,7,10 *";

    /// <summary>IANA time zone of <see cref="Cron"/>. Default "Asia/Seoul" (Hangfire's default is UTC; Windows ids fail on Linux).</summary>
    public string TimeZone { get; set; } = "Asia/Seoul";

    /// <summary>
    /// Use the published SAMPLE pseudonym key when BLINDSPOT_PSEUDONYM_KEY is not set, as the ingest and dispatch verbs do.
    /// Default true, so the quick start runs on the sample; set false on any machine that sees real data.
    /// </summary>
    public bool AllowSamplePseudonymKey { get; set; } = true;

    /// <summary>The models folder in effect: <see cref="ModelsFolder"/> or <c>&lt;DataRoot&gt;/models</c>.</summary>
    public string ResolvedModelsFolder => ModelsFolder ?? Path.Combine(DataRoot, "models");

    /// <summary>Whether runs triggered with these options score in shards: <see cref="ScoreShards"/>, else whether PostgreSQL is used.</summary>
    public bool ResolvedScoreShards => ScoreShards ?? PostgresConnectionString is { Length: > 0 };

    /// <summary>
    /// The dispatch stage's options (quotas, priority, exclusions). The CLI binds them from their own section
    /// <c>Dispatch</c> (the same options <c>blindspot dispatch</c>, <c>evaluate</c> and <c>train</c> use), not from
    /// <c>Pipeline:Dispatch</c>. Default: <see cref="DispatchOptions"/>'s defaults.
    /// </summary>
    public DispatchOptions Dispatch { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting outside its range.</summary>
    public void Validate()
    {
        Check(!string.IsNullOrWhiteSpace(DataRoot), "DataRoot is required.");
        Check(IsIdentifier(PostgresSchema), $"PostgresSchema must be lower-case letters, digits and underscores; it is '{PostgresSchema}'.");
        Check(IsIdentifier(WorklistSchema), $"WorklistSchema must be lower-case letters, digits and underscores; it is '{WorklistSchema}'.");
        Check(IsIdentifier(Queue), $"Queue must be lower-case letters, digits and underscores (Hangfire's rule); it is '{Queue}'.");
        Check(IsIdentifier(ShardQueue), $"ShardQueue must be lower-case letters, digits and underscores (Hangfire's rule); it is '{ShardQueue}'.");
        Check(Buckets is null or (>= 1 and <= Core.Partitioning.Buckets.Max), $"Buckets must be 1–{Core.Partitioning.Buckets.Max}; it is {Buckets}.");
        Check(WorkerCount is >= 1 and <= 16, $"WorkerCount must be 1–16; it is {WorkerCount}.");
        Check(ShardWorkerCount is >= 1 and <= 64, $"ShardWorkerCount must be 1–64; it is {ShardWorkerCount}.");
        Check(PollInterval >= TimeSpan.FromMilliseconds(100) && PollInterval <= TimeSpan.FromSeconds(15), $"PollInterval must be 100 ms–15 s; it is {PollInterval}.");
        Check(InvisibilityTimeout >= TimeSpan.FromMinutes(1) && InvisibilityTimeout <= TimeSpan.FromMinutes(60), $"InvisibilityTimeout must be 1–60 min; it is {InvisibilityTimeout}.");
        Check(!string.IsNullOrWhiteSpace(Cron) && Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is 5 or 6, $"Cron must have 5 or 6 fields; it is '{Cron}'.");
        Check(TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _), $"TimeZone '{TimeZone}' is not a time zone of this machine; use an IANA id such as Asia/Seoul (and install tzdata).");
    }

    private static bool IsIdentifier(string text) => text.Length is > 0 and <= 50 && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid pipeline options: {message}");
        }
    }
}
