using BlindSpot.Scoring.Metrics;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// One variant's scores for one part file, in file order, plus the part's best <see cref="Limit"/> candidates with their
/// features. The national top k is always inside the union of every part's top k, so no second read is needed.
/// </summary>
internal sealed class PartScores(int limit)
{
    private float threshold = float.NegativeInfinity;

    public int Limit { get; } = limit;

    public List<long> PersonKeys { get; } = [];

    public List<long> HouseholdKeys { get; } = [];

    public List<string> Sigungu { get; } = [];

    public List<float> Scores { get; } = [];

    public List<float> Raw { get; } = [];

    public List<Candidate> Candidates { get; private set; } = [];

    /// <summary>The score a row must reach to possibly be in this part's top <see cref="Limit"/>.</summary>
    public float Threshold => threshold;

    public void Keep(Candidate candidate) => Candidates.Add(candidate);

    /// <summary>Drops candidates beyond the best <see cref="Limit"/> (ties by person key) once the list has doubled.</summary>
    public void Prune(bool final = false)
    {
        if (Candidates.Count <= Limit || (!final && Candidates.Count < 2 * Limit))
        {
            return;
        }

        var scores = Candidates.Select(c => c.Score).ToArray();
        var keys = Candidates.Select(c => c.PersonKey).ToArray();
        var order = RankOrder.Descending(scores, keys);
        Candidates = [.. order.Take(Limit).Select(i => Candidates[i])];
        threshold = Candidates[^1].Score;
    }
}
