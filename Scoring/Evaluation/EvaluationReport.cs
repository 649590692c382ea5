using System.Text.Json;
using BlindSpot.Scoring.Metrics;
using BlindSpot.Scoring.Models;

namespace BlindSpot.Scoring.Evaluation;

/// <summary><c>evaluation/&lt;Q&gt;/evaluation.json</c>: everything the HTML report shows, as data.</summary>
public sealed record EvaluationReport
{
    public required string Model { get; init; }

    public required string Quarter { get; init; }

    public required double QuotaShare { get; init; }

    public required BinaryMetrics All { get; init; }

    public BinaryMetrics? Audit { get; init; }

    public BinaryMetrics? RuleAll { get; init; }

    public BinaryMetrics? RuleAudit { get; init; }

    /// <summary>Precision of a random pick: the positive rate of the labelled rows.</summary>
    public required double RandomPrecision { get; init; }

    public double LiftOverRule => RuleAll is null || RuleAll.PrecisionAtK == 0 ? 0 : All.PrecisionAtK / RuleAll.PrecisionAtK;

    public double LiftOverRandom => RandomPrecision == 0 ? 0 : All.PrecisionAtK / RandomPrecision;

    /// <summary>What the score is: the probability that a visit ends in support, fitted on the labelled (visited) people.</summary>
    public string ScoreMeaning { get; init; } = ScoreText.Meaning;

    /// <summary>Reliability of the score on every labelled row of the quarter (the population it was fitted on).</summary>
    public required IReadOnlyList<ReliabilityBin> Reliability { get; init; }

    /// <summary>Reliability on the audit rows only (a random sample of the eligible; 5 bins, as they are few).</summary>
    public IReadOnlyList<ReliabilityBin> AuditReliability { get; init; } = [];

    /// <summary>The population-level check from the audit: mean score against the observed supported rate.</summary>
    public AuditCalibration? AuditCalibration { get; init; }

    public required IReadOnlyList<GroupMetrics> Groups { get; init; }

    /// <summary>PNG chart file names beside the report (ROC, PR, lift, calibration).</summary>
    public IReadOnlyList<string> Charts { get; init; } = [];

    /// <summary>Present when <c>truth/&lt;Q&gt;.parquet</c> exists.</summary>
    public TruthPrecision? Truth { get; init; }

    /// <summary>
    /// Present when the truth exists and the host wired Dispatch's selection in: every variant's simulated worklist under
    /// the model, the two rules, random and the oracle, measured against the truth.
    /// </summary>
    public IReadOnlyList<DispatchedList>? Dispatched { get; init; }

    /// <summary>
    /// Present with <see cref="Dispatched"/>: per variant, dimension and group, the parity of the model's dispatched list
    /// against the truth (precision, recall, false discovery and false omission rates and their ratios to the reference group).
    /// </summary>
    public IReadOnlyList<Fairness.ParityGroup>? Fairness { get; init; }

    /// <summary>The band outside which a parity ratio is flagged, e.g. [0.8, 1.25].</summary>
    public IReadOnlyList<double>? ParityBand { get; init; }

    /// <summary>Eligible people the truth file does not name, counted as not in crisis in <see cref="Dispatched"/>.</summary>
    public int? DispatchedWithoutTruth { get; init; }

    /// <summary>
    /// Present when the truth has <c>supported_last_quarter</c>: the people supported in the previous quarter's dispatch and
    /// how many are in crisis now; with a counterfactual world, the people helped.
    /// </summary>
    public PeopleHelped? Helped { get; init; }

    /// <summary>True when the truth's resident numbers were pseudonymised with the published sample key.</summary>
    public bool? TruthUsedSampleKey { get; init; }

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, ModelCard.Json);
}
