using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Core.Paths;

/// <summary>
/// Every path of a BlindSpot data root, in one place, so no stage spells a folder name itself.
/// Layout (see docs/ARCHITECTURE.md): raw/, identity/, roster/, lake/, quarantine/, features/, scores/,
/// worklists/, discovery/, outcomes/, truth/, runs/. Only computes paths; creates nothing.
/// </summary>
public sealed class DataRoot
{
    public DataRoot(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The absolute root folder.</summary>
    public string Path { get; }

    /// <summary>Raw deliveries of a quarter: <c>raw/&lt;Q&gt;/</c>.</summary>
    public string RawFolder(Quarter quarter) => Combine("raw", quarter.ToString());

    /// <summary>One institution's delivery: <c>raw/&lt;Q&gt;/&lt;source&gt;/&lt;feed&gt;.csv</c>.</summary>
    public string RawFeed(Quarter quarter, FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return Combine("raw", quarter.ToString(), feed.Source, feed.Code + ".csv");
    }

    /// <summary>Restricted identity vault of a quarter (names, addresses, phones): <c>identity/&lt;Q&gt;/identity.csv</c>.</summary>
    public string IdentityVault(Quarter quarter) => Combine("identity", quarter.ToString(), "identity.csv");

    /// <summary>
    /// The pseudonymised roster every stage joins on, one folder per bucket: <c>roster/&lt;Q&gt;/bucket=NNN/part-0.parquet</c>.
    /// Readers list its files through <see cref="Partitioning.TableFiles"/>.
    /// </summary>
    public string RosterFolder(Quarter quarter) => Combine("roster", quarter.ToString());

    /// <summary>The file ingestion writes for one bucket of the roster: <c>roster/&lt;Q&gt;/bucket=NNN/part-0.parquet</c>.</summary>
    public string RosterBucket(Quarter quarter, int bucket) =>
        Combine("roster", quarter.ToString(), Contracts.BucketLayout.BucketFolderName(bucket), Contracts.BucketLayout.PartFileName);

    /// <summary>How the quarter is split into buckets: <c>roster/&lt;Q&gt;/_partitioning.json</c>.</summary>
    public string Partitioning(Quarter quarter) => Combine("roster", quarter.ToString(), Contracts.BucketLayout.PartitioningFileName);

    public string LakeFolder(Quarter quarter) => Combine("lake", quarter.ToString());

    /// <summary>One feed's lake, one folder per bucket: <c>lake/&lt;Q&gt;/&lt;feed&gt;/bucket=NNN/part-0.parquet</c>.</summary>
    public string LakeFeedFolder(Quarter quarter, string feedCode) => Combine("lake", quarter.ToString(), feedCode);

    /// <summary>The file ingestion writes for one bucket of a feed: <c>lake/&lt;Q&gt;/&lt;feed&gt;/bucket=NNN/part-0.parquet</c>.</summary>
    public string LakeBucket(Quarter quarter, string feedCode, int bucket) =>
        Combine("lake", quarter.ToString(), feedCode, Contracts.BucketLayout.BucketFolderName(bucket), Contracts.BucketLayout.PartFileName);

    public string QuarantineFolder(Quarter quarter) => Combine("quarantine", quarter.ToString());

    public string Rejects(Quarter quarter, string feedCode) => Combine("quarantine", quarter.ToString(), feedCode + ".rejects.csv");

    public string IngestReport(Quarter quarter) => Combine("quarantine", quarter.ToString(), "ingest-report.json");

    /// <summary>The quarter's features, one folder per bucket (<c>bucket=NNN/part-0.parquet</c>) and the feature manifest.</summary>
    public string FeaturesFolder(Quarter quarter) => Combine("features", quarter.ToString());

    /// <summary>The file the features stage writes for one bucket: <c>features/&lt;Q&gt;/bucket=NNN/part-0.parquet</c>.</summary>
    public string FeaturesBucket(Quarter quarter, int bucket) =>
        Combine("features", quarter.ToString(), Contracts.BucketLayout.BucketFolderName(bucket), Contracts.BucketLayout.PartFileName);

    public string Scores(Quarter quarter, Variant variant) => Combine("scores", quarter.ToString(), variant.ToCode() + ".parquet");

    /// <summary>
    /// Dispatch's work folder of a quarter: per roster bucket the facts its selection needs
    /// (<c>dispatch/&lt;Q&gt;/bucket=NNN/facts.bin</c> and <c>_facts.json</c>), written by its bucket jobs.
    /// </summary>
    public string DispatchWorkFolder(Quarter quarter) => Combine("dispatch", quarter.ToString());

    public string WorklistFolder(Quarter quarter) => Combine("worklists", quarter.ToString());

    /// <summary>The dispatch summary of a quarter, beside its worklist folder: <c>worklists/dispatch-summary-&lt;Q&gt;.json</c>.</summary>
    public string DispatchSummary(Quarter quarter) => Combine("worklists", $"dispatch-summary-{quarter}.json");

    /// <summary>Outcomes municipalities reported for a quarter's dispatch: <c>outcomes/&lt;Q&gt;/</c>.</summary>
    public string OutcomesFolder(Quarter quarter) => Combine("outcomes", quarter.ToString());

    /// <summary>Past dispatches (the simulator's rule baseline and audit sample): <c>outcomes/&lt;Q&gt;/dispatches.csv</c>.</summary>
    public string PastDispatches(Quarter quarter) => Combine("outcomes", quarter.ToString(), "dispatches.csv");

    /// <summary>Reported outcomes of a quarter's dispatch: <c>outcomes/&lt;Q&gt;/outcomes.csv</c>.</summary>
    public string Outcomes(Quarter quarter) => Combine("outcomes", quarter.ToString(), "outcomes.csv");

    /// <summary>
    /// People a 시군구 or 읍면동 added as own-discovery cases (자체 발굴), as the register of outcomes vouches for them:
    /// <c>outcomes/&lt;Q&gt;/own-discoveries.csv</c> (restricted, like the register).
    /// </summary>
    public string OwnDiscoveries(Quarter quarter) => Combine("outcomes", quarter.ToString(), Contracts.DiscoveryFiles.OwnRegisterFileName);

    /// <summary>The own-discovery index of a quarter, one file per 시군구: <c>discovery/&lt;Q&gt;/</c> (restricted: names and addresses).</summary>
    public string DiscoveryFolder(Quarter quarter) => Combine("discovery", quarter.ToString());

    /// <summary>One 시군구's own-discovery index: <c>discovery/&lt;Q&gt;/&lt;sigungu&gt;.bin</c>.</summary>
    public string DiscoveryIndex(Quarter quarter, string sigungu) => Combine("discovery", quarter.ToString(), Contracts.DiscoveryFiles.IndexFileName(sigungu));

    /// <summary>Pseudonymised outcomes of a quarter's dispatch, the labels training reads: <c>labels/&lt;Q&gt;.parquet</c>.</summary>
    public string Labels(Quarter quarter) => Combine("labels", quarter + ".parquet");

    /// <summary>The simulator's hidden truth, for evaluation only: <c>truth/&lt;Q&gt;.parquet</c>. Never a model input.</summary>
    public string Truth(Quarter quarter) => Combine("truth", quarter + ".parquet");

    /// <summary>The run manifest of a quarter: <c>runs/&lt;Q&gt;/manifest.json</c>.</summary>
    public string RunManifest(Quarter quarter) => Combine("runs", quarter.ToString(), "manifest.json");

    /// <summary>What the simulator was asked to make, for reproducing it: <c>simulation.json</c>.</summary>
    public string SimulationSettings => Combine("simulation.json");

    /// <summary><paramref name="path"/> relative to the root with '/' separators, as manifests and reports record it.</summary>
    public string Relative(string path) => System.IO.Path.GetRelativePath(Path, path).Replace('\\', '/');

    private string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
