namespace BlindSpot.Core.Catalog;

/// <summary>
/// How the simulator makes a feed's records: each quarter an eligible unit gets a record with probability
/// <c>baseRate + Σ lift[d] · severity[d]</c> (capped), and each record is followed by another with <see cref="RepeatRate"/>.
/// </summary>
public sealed record SimulationProfile
{
    public EligibilityRule Eligible { get; init; } = new();

    /// <summary>Probability of a record with no crisis at all: the feed's false alarms.</summary>
    public double BaseRate { get; init; }

    /// <summary>Extra probability per unit of latent severity in each dimension.</summary>
    public IReadOnlyDictionary<LatentDimension, double> Lift { get; init; } = new Dictionary<LatentDimension, double>();

    /// <summary>Probability that each record is followed by one more (geometric count of records).</summary>
    public double RepeatRate { get; init; }

    /// <summary>Median amount in won, for feeds with an amount column.</summary>
    public double? AmountMedian { get; init; }

    /// <summary>
    /// Probability that a chronic non-payer household (a household with standing arrears and no crisis: habitual
    /// late payers, people with some income or assets who are simply late) holds a standing record in this feed,
    /// the same quarter after quarter. 0 (the default) for feeds no one holds out of habit.
    /// </summary>
    public double ChronicRate { get; init; }
}
