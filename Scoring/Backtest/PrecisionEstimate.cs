namespace BlindSpot.Scoring.Backtest;

/// <summary>One list's precision by one outcome: listed people whose outcome is known, and how many of them are positive.</summary>
public sealed record PrecisionEstimate(int Known, int Hits)
{
    /// <summary>Hits / known; NaN when nobody on the list has that outcome known.</summary>
    public double Value => Known == 0 ? double.NaN : (double)Hits / Known;
}
