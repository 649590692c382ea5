using System.Security.Cryptography;
using System.Text.Json;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Core.Stages;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// The discovery-index stage (after dispatch): for own discovery (자체 발굴), one owner-only file per 시군구 under
/// <c>discovery/&lt;Q&gt;/</c> listing every resident with at least one lake record this quarter who is not on the quarter's
/// register, with 읍면동, age, sex, household traits, feeds, grades per variant and the identity an officer needs
/// (read from the identity vault, as dispatch does). Reads the roster, the lake, the scores, the register and the
/// vault; <see cref="StageOutcome.Detail"/> is the <see cref="DiscoveryIndexSummary"/>.
/// </summary>
public sealed class DiscoveryIndexStage(FeedCatalog catalog, RegionRegistry regions, DispatchOptions options, Pseudonymizer pseudonymizer) : IQuarterStage, IHeapBudget
{
    public string Name => StageNames.DiscoveryIndex;

    public StageDeclaration Declare(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        return StageDeclaration.Empty
            .ReadsTree(root.RosterFolder(quarter), BucketLayout.PartPattern)
            .Reads(root.Partitioning(quarter))
            .ReadsTree(root.LakeFolder(quarter), BucketLayout.PartPattern)
            .Reads(VariantNames.All.Select(v => root.Scores(quarter, v)))
            .Reads(root.PastDispatches(quarter))
            .Reads(root.IdentityVault(quarter))
            .Reads(root.IdentityVault(quarter) + ".gz")
            .DependsOn("catalog", catalog.Version)
            .DependsOn("pseudonym-key", pseudonymizer.Household("#key-fingerprint").ToString())
            .DependsOn("quotas", Fingerprint(options))
            .WritesAll(root.DiscoveryFolder(quarter), DiscoveryFiles.IndexPattern);
    }

    /// <summary>512 MiB + 170 B a person of the largest bucket for each bucket in memory (cores + 1) + 10 B a person, at least 2 GiB (<see cref="DiscoveryMemory"/>), when the verb runs it alone.</summary>
    public Task<long?> HeapLimitAsync(DataRoot root, Quarter quarter, CancellationToken ct) => DiscoveryMemory.HeapLimitAsync(root, quarter, ct);

    public async Task<StageOutcome> RunAsync(StageRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var summary = await new DiscoveryIndexBuilder(catalog, regions, options, pseudonymizer).BuildAsync(run.Root, run.Quarter, ct).ConfigureAwait(false);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            ["indexed"] = summary.Indexed,
            ["missingIdentity"] = summary.MissingIdentity,
            ["sigungu"] = summary.PerSigungu.Count,
        };
        return new StageOutcome { Counts = counts, Detail = summary };
    }

    // The grade bars are quotas: a changed quota regrades people.
    private static string Fingerprint(DispatchOptions options) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { options.Quotas, options.ReferenceRoster })))[..16];
}
