using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;
using BlindSpot.Simulation.Roster;

namespace BlindSpot.Simulation.Deliveries;

/// <summary>A feed's catalog entry turned into what generating its records needs: rates, eligibility, format, columns.</summary>
internal sealed class FeedPlan
{
    public FeedPlan(FeedCatalog catalog, FeedDefinition feed, int index)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(feed);
        var sim = feed.Simulation ?? throw new InvalidOperationException($"Feed '{feed.Code}' has no simulation profile.");
        Feed = feed;
        Index = index;
        Format = catalog.DeliveryOf(feed);
        var encoding = Format.GetEncoding();
        Header = DeliveryFile.Header(feed.Columns.Select(c => c.Header(Format.HeaderLanguage!.Value)), Format);
        DateStyle = DateStyle.Parse(Format.DateFormat);
        Columns = [.. feed.Columns.Select(c => new ColumnPlan(c, encoding))];
        BaseRate = sim.BaseRate;
        RepeatRate = sim.RepeatRate;
        AmountMedian = sim.AmountMedian ?? 0;
        ChronicRate = sim.ChronicRate;
        Lift = new float[Households.Dimensions];
        foreach (var (dimension, lift) in sim.Lift)
        {
            Lift[(int)dimension] = (float)lift;
        }

        LiftSum = Lift.Sum();
        MinAge = sim.Eligible.MinAge;
        MaxAge = sim.Eligible.MaxAge;
        Filter = sim.Eligible.Household switch
        {
            HouseholdFilter.WithChild => HouseholdFlags.WithChild,
            HouseholdFilter.SinglePerson => HouseholdFlags.SinglePerson,
            HouseholdFilter.WithElder => HouseholdFlags.WithElder,
            _ => HouseholdFlags.None,
        };
        OutOfRangeColumn = Columns.ToList().FindIndex(c => c.IsNumeric);
        CategoryColumn = Columns.ToList().FindIndex(c => c.Type == ColumnType.Code);
    }

    public FeedDefinition Feed { get; }

    /// <summary>Position in the catalog: the feed's random stream and its bit in the rule baseline.</summary>
    public int Index { get; }

    public bool IsPerson => Feed.Unit == FeedUnit.Person;

    public DeliveryFormat Format { get; }

    public byte[] Header { get; }

    public DateStyle DateStyle { get; }

    public IReadOnlyList<ColumnPlan> Columns { get; }

    public double BaseRate { get; }

    public double RepeatRate { get; }

    public double AmountMedian { get; }

    /// <summary>Chance a chronic non-payer unit holds a standing record in this feed (see <see cref="StandingArrears"/>).</summary>
    public double ChronicRate { get; }

    /// <summary>Lift per <see cref="LatentDimension"/>.</summary>
    public float[] Lift { get; }

    public float LiftSum { get; }

    public int MinAge { get; }

    public int MaxAge { get; }

    /// <summary>The household flag a unit needs, or None.</summary>
    public HouseholdFlags Filter { get; }

    /// <summary>First numeric column (for out-of-range dirt), or -1.</summary>
    public int OutOfRangeColumn { get; }

    /// <summary>First code column (an unknown code is the out-of-range dirt of feeds with no numbers), or -1.</summary>
    public int CategoryColumn { get; }

    /// <summary>First day an event may lie on: the quarter's first day, or earlier for long windows.</summary>
    public int WindowStart(Quarter quarter) => quarter.FirstDay.AddMonths(-(Math.Max(3, Feed.WindowMonths) - 3)).DayNumber;
}
