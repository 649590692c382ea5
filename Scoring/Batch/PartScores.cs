using BlindSpot.Scoring.Metrics;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// One variant's scores for one part file, plus the part's best <see cref="Limit"/> candidates with their features. Rows are
/// added in file order, a row group at a time into exact-size arrays; <see cref="Complete"/> sorts them into rank order
/// (<see cref="RankOrder"/>) so the national ranking is a merge of sorted parts, and the sorting runs in the parallel
/// per-part step. The national top k is always inside the union of every part's top k, so no second read is needed.
/// </summary>
internal sealed class PartScores(CandidateBar bar, int featureWidth)
{
    private readonly CandidateRows kept = new(featureWidth);
    private int pruneAt = 4096;
    private int count;
    private bool complete;

    /// <summary>The most candidates a part can contribute to the national top k: k.</summary>
    public int Limit => bar.K;

    /// <summary>Rows (in rank order once <see cref="Complete"/> has run).</summary>
    public long[] PersonKeys { get; private set; } = [];

    public long[] HouseholdKeys { get; private set; } = [];

    public string[] Sigungu { get; private set; } = [];

    /// <summary>P(supported if visited) per row.</summary>
    public float[] Scores { get; private set; } = [];

    public float[] Raw { get; private set; } = [];

    public int Rows => count;

    /// <summary>The part's surviving candidates, each with the features its variant's trees read; filled by <see cref="Complete"/>.</summary>
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    /// <summary>The score a row must reach to possibly be in the national top k (the shared bar; it only rises).</summary>
    public float Threshold => bar.Value;

    /// <summary>Makes room for <paramref name="rows"/> more rows; arrays grow exactly, one row group at a time.</summary>
    public void Reserve(int rows)
    {
        var size = checked(count + rows);
        if (size > PersonKeys.Length)
        {
            PersonKeys = Grow(PersonKeys, size);
            HouseholdKeys = Grow(HouseholdKeys, size);
            Sigungu = Grow(Sigungu, size);
            Scores = Grow(Scores, size);
            Raw = Grow(Raw, size);
        }
    }

    /// <summary>Adds one scored row (file order) into the room made by <see cref="Reserve"/>.</summary>
    public void Add(long personKey, long householdKey, string sigunguCode, float score, float rawScore)
    {
        ObjectDisposedException.ThrowIf(complete, this);
        PersonKeys[count] = personKey;
        HouseholdKeys[count] = householdKey;
        Sigungu[count] = sigunguCode;
        Scores[count] = score;
        Raw[count++] = rawScore;
    }

    /// <summary>
    /// Keeps a row at or above <see cref="Threshold"/> as a candidate; the caller fills the returned span with its features.
    /// Call <see cref="Prune"/> after the block.
    /// </summary>
    public Span<float> Keep(long personKey, float score) => kept.Add(personKey, score);

    /// <summary>Counts a block's scores into the shared bar (call before checking its rows against <see cref="Threshold"/>).</summary>
    public void Count(ReadOnlySpan<float> scores) => bar.Count(scores);

    /// <summary>Once the candidates have doubled since the last prune, drops those the shared bar has since passed.</summary>
    public void Prune()
    {
        if (kept.Count >= pruneAt)
        {
            kept.KeepBest(int.MaxValue, floor: bar.Value);
            pruneAt = Math.Max(4096, 2 * kept.Count);
        }
    }

    /// <summary>
    /// Ends the part: drops candidates below the shared bar and beyond the best <see cref="Limit"/>, and sorts the rows into
    /// rank order.
    /// </summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(complete, this);
        complete = true;
        kept.KeepBest(Limit, floor: bar.Value);
        Candidates = kept.ToCandidates();
        var keys = new UInt128[count];
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = RankOrder.Key(Scores[i], PersonKeys[i]);
            order[i] = i;
        }

        Array.Sort(keys, order);
        PersonKeys = Gather(PersonKeys, order);
        HouseholdKeys = Gather(HouseholdKeys, order);
        Sigungu = Gather(Sigungu, order);
        Scores = Gather(Scores, order);
        Raw = Gather(Raw, order);
    }

    private static T[] Grow<T>(T[] values, int size)
    {
        var grown = new T[size];
        values.CopyTo(grown, 0);
        return grown;
    }

    private static T[] Gather<T>(T[] values, int[] order)
    {
        var sorted = new T[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = values[order[i]];
        }

        return sorted;
    }
}
