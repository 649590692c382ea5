namespace BlindSpot.Scoring.Batch;

/// <summary>
/// Walks one variant's rows of one shard in rank order, reading its five column arrays a chunk of
/// <see cref="ChunkRows"/> rows at a time: a reduce over B shards holds B chunks, not B shards.
/// </summary>
internal sealed class ShardCursor
{
    /// <summary>Rows read at once per column: 8,192 rows are ~230 KB per shard, so even 1,000 buckets merge in ~230 MB.</summary>
    public const int ChunkRows = 8_192;

    private readonly ShardFile file;
    private readonly ShardVariant section;
    private readonly long[] personKeys;
    private readonly long[] householdKeys;
    private readonly int[] codes;
    private readonly float[] scores;
    private readonly float[] raw;
    private int chunkStart;
    private int chunkRows;
    private int row;

    /// <param name="file">The open shard.</param>
    /// <param name="variant">The variant's index among the shard's sections.</param>
    /// <param name="chunkRows">Rows read at once per column (tests make it small to cross many chunk ends).</param>
    public ShardCursor(ShardFile file, int variant, int chunkRows = ChunkRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        this.file = file;
        section = file.Variants[variant];
        var size = Math.Min(chunkRows, section.Rows);
        (personKeys, householdKeys, codes, scores, raw) = (new long[size], new long[size], new int[size], new float[size], new float[size]);
        Fill();
    }

    /// <summary>True while the cursor is on a row (<see cref="Next"/> has not passed the last one).</summary>
    public bool HasRow => row < section.Rows;

    public long PersonKey => personKeys[row - chunkStart];

    public long HouseholdKey => householdKeys[row - chunkStart];

    public string Sigungu => section.Dictionary[codes[row - chunkStart]];

    public float Score => scores[row - chunkStart];

    public float Raw => raw[row - chunkStart];

    /// <summary>Moves to the next row, reading the next chunk when the current one is used up.</summary>
    public void Next()
    {
        if (++row == chunkStart + chunkRows && row < section.Rows)
        {
            chunkStart = row;
            Fill();
        }
    }

    private void Fill()
    {
        chunkRows = Math.Min(personKeys.Length, section.Rows - chunkStart);
        ShardReader.ReadAt(file, section.PersonKeysAt + ((long)chunkStart * sizeof(long)), personKeys.AsSpan(0, chunkRows));
        ShardReader.ReadAt(file, section.HouseholdKeysAt + ((long)chunkStart * sizeof(long)), householdKeys.AsSpan(0, chunkRows));
        ShardReader.ReadAt(file, section.CodesAt + ((long)chunkStart * sizeof(int)), codes.AsSpan(0, chunkRows));
        ShardReader.ReadAt(file, section.ScoresAt + ((long)chunkStart * sizeof(float)), scores.AsSpan(0, chunkRows));
        ShardReader.ReadAt(file, section.RawAt + ((long)chunkStart * sizeof(float)), raw.AsSpan(0, chunkRows));
        if (codes.AsSpan(0, chunkRows).ContainsAnyExceptInRange(0, section.Dictionary.Count - 1))
        {
            throw new InvalidDataException($"{file.Path}: a 시군구 code outside the shard's dictionary of {section.Dictionary.Count}.");
        }
    }
}
