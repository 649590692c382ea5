namespace BlindSpot.Features.Aggregation;

/// <summary>One unit's running aggregates of one feed, kept together so a lake row touches one place in memory.</summary>
internal struct UnitAggregate
{
    public int Count;
    public int LatestDay;
    public float LatestMonths;
    public float MaxMonths;
    public float MaxAmount;
    public float SumAmount;
    public float MaxDays;
    public float MaxCount;
    public float SumMeasure;
    public float MinMeasure;
}
