namespace BlindSpot.Ingestion.Reporting;

/// <summary>
/// A feed's (or the roster's) accepted count against the previous quarter's, beyond the allowed change. Immutable.
/// </summary>
/// <param name="Feed">Feed code, or the roster's.</param>
/// <param name="PreviousQuarter">The quarter compared with.</param>
/// <param name="Previous">Rows accepted in the previous quarter.</param>
/// <param name="Current">Rows accepted now.</param>
/// <param name="Limit">The allowed change as a fraction (0.05 = 5 %).</param>
/// <param name="Accepted">True when the operator accepted it (<c>--accept-volume-change</c>); otherwise it failed the stage.</param>
public sealed record VolumeChange(string Feed, string PreviousQuarter, long Previous, long Current, double Limit, bool Accepted)
{
    /// <summary>The change as a fraction of the previous count (−0.4 = 40 % fewer).</summary>
    public double Change => Previous == 0 ? 0 : (Current - Previous) / (double)Previous;
}
