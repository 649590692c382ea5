namespace BlindSpot.Scoring.Batch;

/// <summary>
/// The lowest score a person can have and still be in a variant's national top k, as far as the parts scored so far show:
/// a part that has k people above score s proves nobody below s can make the national top k. Shared by the parts of one
/// variant so later parts keep far fewer candidates; only ever rises. Thread-safe.
/// </summary>
internal sealed class CandidateBar
{
    private readonly Lock gate = new();
    private float bar = float.NegativeInfinity;

    public float Value
    {
        get
        {
            lock (gate)
            {
                return bar;
            }
        }
    }

    /// <summary>Raises the bar to <paramref name="proven"/> if that is higher.</summary>
    public void Raise(float proven)
    {
        lock (gate)
        {
            bar = Math.Max(bar, proven);
        }
    }
}
