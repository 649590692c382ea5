using System.Text.Json;
using System.Text.Json.Serialization;
using BlindSpot.Scoring.Metrics;

namespace BlindSpot.Scoring.Models;

/// <summary>
/// <c>models/&lt;variant&gt;/&lt;version&gt;/model-card.json</c>: what the model was trained on, how, how good it is, what it
/// is for and not for, and the SHA-256 of its model.zip, which every load checks. Immutable.
/// </summary>
public sealed record ModelCard
{
    public const string FileName = Core.Contracts.ModelLayout.Card;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public required string Variant { get; init; }

    public required string Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string TrainQuarters { get; init; }

    public required string ValidQuarter { get; init; }

    public required SetSummary TrainSet { get; init; }

    public required SetSummary ValidSet { get; init; }

    public required string SchemaHash { get; init; }

    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Names of the features that come from a feed (they have a Korean reason template); preferred as reasons.</summary>
    public required IReadOnlyList<string> FeedFeatures { get; init; }

    public required HyperParameters Parameters { get; init; }

    public required int Seed { get; init; }

    public required double QuotaShare { get; init; }

    public required ValidationMetrics Metrics { get; init; }

    /// <summary>Input file (relative to the data root) → SHA-256.</summary>
    public required IReadOnlyDictionary<string, string> InputHashes { get; init; }

    /// <summary>SHA-256 of model.zip; a model whose bytes differ is refused at load.</summary>
    public required string ModelSha256 { get; init; }

    public required string MlNetVersion { get; init; }

    public required string SourceCommit { get; init; }

    public required string IntendedUse { get; init; }

    public required IReadOnlyList<string> KnownLimits { get; init; }

    public required string SelectionBias { get; init; }

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static ModelCard Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ModelCard>(stream, Json) ?? throw new InvalidDataException($"{path}: empty model card.");
    }

    /// <summary>Rows, positives, audit rows and what was left out of one labelled set.</summary>
    /// <param name="NoLabelExcluded">Every outcome with no label (unreachable, refused, moved, other); 0 in cards written before those outcomes existed.</param>
    public sealed record SetSummary(int Rows, int Positives, double PositiveRate, int AuditRows, long UnreachableExcluded, long WithoutFeatures, long Duplicates, long NoLabelExcluded = 0);

    public sealed record HyperParameters(int Trees, int Leaves, double LearningRate, int MinExamplesPerLeaf, int Threads);

    /// <summary>
    /// Validation metrics of the model and of the rule baseline (ranking by p_crisis_count), on every labelled row and on
    /// the random audit rows only; <see cref="PromotionAuc"/> is what promote compares. <see cref="Dispatched"/>: every
    /// variant's simulated worklist of the validation quarter under this model (live models for the other variants), the
    /// rules, random and the oracle, against the simulator's truth; null when there is no truth or no selection was wired.
    /// <see cref="Fairness"/>: the parity of the model's lists by group against the truth (with <see cref="Dispatched"/>),
    /// flagged outside the default band 0.8–1.25.
    /// </summary>
    public sealed record ValidationMetrics(BinaryMetrics Model, BinaryMetrics? ModelAudit, BinaryMetrics? Rule, BinaryMetrics? RuleAudit, string PromotionMetric, double PromotionAuc,
        IReadOnlyList<Evaluation.DispatchedList>? Dispatched = null, IReadOnlyList<Fairness.ParityGroup>? Fairness = null);
}
