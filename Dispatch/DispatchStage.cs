using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Core.Stages;
using BlindSpot.Dispatch.Worklists;

namespace BlindSpot.Dispatch;

/// <summary>
/// The dispatch stage under the stage contract: reads the quarter's scores, roster, lake (reasons quote it) and identity
/// vault, and the labels and registers of the quarters its rules look back on, under the catalog, the options and the
/// worklist store; writes the worklists (files and/or the store), the register <c>outcomes/&lt;Q&gt;/dispatches.csv</c> and
/// the dispatch summary (which records the dispatch date, <see cref="DispatchOptions.DispatchDate"/>). <see cref="StageOutcome.Detail"/> is the <see cref="DispatchSummary"/>.
/// </summary>
public sealed class DispatchStage(FeedCatalog catalog, RegionRegistry regions, DispatchOptions options, Pseudonymizer pseudonymizer, IWorklistStore store) : IQuarterStage
{
    public string Name => StageNames.Dispatch;

    /// <summary>
    /// The reduce of the pipeline's dispatch bucket jobs: the facts parts were written by them
    /// (<see cref="RunPartAsync"/>), so this process only checks them (writing a stale one again) before selecting. Same
    /// name, key and outputs as the stage that writes every part itself, so a quarter dispatched one way is skipped by the other.
    /// </summary>
    public bool FromParts { get; init; }

    /// <summary>The quarter's facts parts, one per roster bucket (<c>bucket=NNN</c>), for the pipeline's bucket jobs.</summary>
    public static IReadOnlyList<string> Parts(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        var buckets = Core.Partitioning.TableFiles.Roster(root, quarter).Select(f => f.Bucket).Distinct().ToList();
        return buckets.Count > 0
            ? [.. buckets.Select(Core.Contracts.BucketLayout.BucketFolderName)]
            : throw new FileNotFoundException($"{root.RosterFolder(quarter)}: no roster for {quarter}; run 'blindspot ingest {quarter}' first.", root.RosterFolder(quarter));
    }

    /// <summary>
    /// One bucket job: writes the roster facts of bucket <paramref name="part"/> (<c>bucket=NNN</c>) the selection needs,
    /// unless they are current for its roster and lake files and the rankings' prefixes. Returns false when current.
    /// </summary>
    public Task<bool> RunPartAsync(DataRoot root, Quarter quarter, string part, CancellationToken ct)
    {
        if (!Core.Contracts.BucketLayout.TryParseBucketFolder(part, out var bucket))
        {
            throw new ArgumentException($"'{part}' is not a bucket folder name (bucket=NNN).", nameof(part));
        }

        options.ValidateFor(quarter);
        Selection.CohortMembers.CheckCounts(catalog, options);
        return new Selection.DispatchFacts(catalog, options).RunPartAsync(root, quarter, bucket, ct);
    }

    public StageDeclaration Declare(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        var lookback = Math.Max(options.NotEligibleLookbackQuarters, options.HistoryQuarters);
        var earlier = Enumerable.Range(1, lookback).Select(k => quarter.AddQuarters(-k)).ToList();
        return StageDeclaration.Empty
            .Reads(VariantNames.All.Select(v => root.Scores(quarter, v)))
            .ReadsTree(root.RosterFolder(quarter), Core.Contracts.BucketLayout.PartPattern)
            .Reads(root.Partitioning(quarter))
            .ReadsTree(root.LakeFolder(quarter), Core.Contracts.BucketLayout.PartPattern)
            .Reads(root.IdentityVault(quarter))
            .Reads(root.IdentityVault(quarter) + ".gz")
            .Reads(earlier.Select(root.Labels))
            .Reads(earlier.Select(root.PastDispatches))
            .DependsOn("catalog", catalog.Version)
            .DependsOn("quotas", options.QuotaSetting())
            .DependsOn("cohorts", Fingerprint(catalog.Cohorts))
            .DependsOn("options", Fingerprint(options))
            // The 배부일 the due dates count from: in the key by its value, so the same date skips and another reruns.
            .DependsOn("dispatch-date", options.DispatchDateOf(quarter).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .DependsOn("worklists", store.Destination)
            .WritesTree(root.DispatchWorkFolder(quarter), Selection.DispatchFacts.FactsFileName)
            .WritesTree(root.DispatchWorkFolder(quarter), Selection.DispatchFacts.RecordFileName)
            .WritesAll(root.WorklistFolder(quarter), "*")
            .Writes(root.DispatchSummary(quarter))
            .Writes(root.PastDispatches(quarter));
    }

    public async Task<StageOutcome> RunAsync(StageRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var dispatcher = new Dispatcher(catalog, regions, options, pseudonymizer);
        var summary = await dispatcher.DispatchAsync(run.Root, run.Quarter, store, FromParts, ct).ConfigureAwait(false);
        // How far the walks read: each ranking's rows held and how often a walk needed more than the plan's prefix.
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            ["entries"] = summary.Total,
            ["missingIdentity"] = summary.MissingIdentity,
            ["prefixWidenings"] = dispatcher.LastWidenings,
        };
        foreach (var (variant, rows) in dispatcher.LastRankingRows)
        {
            counts[$"{variant.ToCode()}.rankingRows"] = rows;
        }

        foreach (var (variant, v) in summary.Variants)
        {
            counts[$"{variant}.selected"] = v.Selected;
            counts[$"{variant}.quota"] = v.Quota;
        }

        return new StageOutcome { Counts = counts, Detail = summary };
    }

    // Quotas, priority, exclusions and look-backs (the options), and the catalog's rule cohorts, all change who is
    // listed: any change to their JSON dispatches again.
    private static string Fingerprint<T>(T settings) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(settings)))[..16];
}
