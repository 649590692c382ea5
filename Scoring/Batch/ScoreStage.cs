using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// The score stage under the stage contract: reads the quarter's feature parts and manifest, under the live model of
/// every variant and the candidate margin; writes <c>scores/&lt;Q&gt;/&lt;variant&gt;.parquet</c> per live variant. Scores
/// in this process, or (<see cref="FromShards"/>) joins the shards the pipeline's shard jobs wrote: same name, key and
/// outputs, so a quarter scored one way is skipped by the other. <see cref="StageOutcome.Detail"/> is the <see cref="ScoreResult"/>.
/// </summary>
public sealed class ScoreStage : IQuarterStage
{
    private readonly ModelRegistry registry;
    private readonly ScoreOptions options;
    private readonly TimeProvider clock;
    private readonly bool fromShards;

    /// <summary>Scores every part in this process.</summary>
    public ScoreStage(ModelRegistry registry, ScoreOptions options, TimeProvider clock)
        : this(registry, options, clock, fromShards: false)
    {
    }

    private ScoreStage(ModelRegistry registry, ScoreOptions options, TimeProvider clock, bool fromShards)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (this.registry, this.options, this.clock, this.fromShards) = (registry, options, clock, fromShards);
    }

    public string Name => StageNames.Score;

    /// <summary>The reduce of sharded scoring: every part's shard must have been scored (<see cref="ShardScorer"/>).</summary>
    public static ScoreStage FromShards(ModelRegistry registry, ScoreOptions options, TimeProvider clock) => new(registry, options, clock, fromShards: true);

    public StageDeclaration Declare(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        var folder = root.FeaturesFolder(quarter);
        var declaration = StageDeclaration.Empty
            .ReadsTree(folder, FeatureFiles.PartPattern)
            .Reads(Path.Combine(folder, FeatureFiles.ManifestFileName))
            .DependsOn("margin", options.Margin.ToString("R", CultureInfo.InvariantCulture));
        foreach (var variant in VariantNames.All)
        {
            // Promoting another model changes the key, so the quarter is scored again with it.
            if (registry.Live(variant) is { } live)
            {
                declaration = declaration
                    .ReadsVerified(ModelInput(variant, live.Version), live.ModelSha256)
                    .Writes(root.Scores(quarter, variant));
            }
        }

        return declaration;
    }

    /// <summary>The key a live model is recorded under among the stage's inputs (<c>models/&lt;variant&gt;/&lt;version&gt;/model.zip</c>), read back by the run report.</summary>
    public static string ModelInput(Variant variant, string version) => $"{ModelLayout.Folder}/{variant.ToCode()}/{version}/{ModelLayout.Model}";

    public async Task<StageOutcome> RunAsync(StageRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var result = fromShards
            ? await new ShardReducer().ReduceAsync(run.Root, run.Quarter, registry, options, ct).ConfigureAwait(false)
            : await new ScoreJob().RunAsync(run.Root, run.Quarter, registry, options, ct).ConfigureAwait(false);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var scored in result.Variants)
        {
            counts[scored.Variant.ToCode() + ".rows"] = scored.Rows;
            counts[scored.Variant.ToCode() + ".candidates"] = scored.Candidates;
            if (fromShards)
            {
                counts[scored.Variant.ToCode() + ".shards"] = result.Shards;
            }
        }

        return new StageOutcome { Counts = counts, Detail = result };
    }
}
