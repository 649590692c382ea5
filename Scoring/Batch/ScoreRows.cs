namespace BlindSpot.Scoring.Batch;

/// <summary>One row group of a score file being written, in rank order: the columns <see cref="ScoreWriter"/> writes but the ranks and reasons.</summary>
internal sealed class ScoreRows(int capacity)
{
    public long[] PersonKeys { get; } = new long[capacity];

    public long[] HouseholdKeys { get; } = new long[capacity];

    public string[] Sigungu { get; } = new string[capacity];

    public float[] Scores { get; } = new float[capacity];

    public float[] Raw { get; } = new float[capacity];

    public int[] SigunguRanks { get; } = new int[capacity];
}
