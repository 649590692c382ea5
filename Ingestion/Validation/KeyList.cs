namespace BlindSpot.Ingestion.Validation;

/// <summary>
/// A feed's accepted keys, kept (8 bytes each, in 1M-key chunks) while the roster is still being read, so feeds need
/// not wait for it: unknown keys are counted against the roster once it is ready.
/// </summary>
internal sealed class KeyList
{
    private const int ChunkSize = 1 << 20;
    private readonly List<long[]> chunks = [];
    private int lastCount = ChunkSize;

    public long Count { get; private set; }

    public void Add(long key)
    {
        if (lastCount == ChunkSize)
        {
            chunks.Add(new long[ChunkSize]);
            lastCount = 0;
        }

        chunks[^1][lastCount++] = key;
        Count++;
    }

    /// <summary>How many keys <paramref name="known"/> does not contain.</summary>
    public long CountMissing(Func<long, bool> known)
    {
        long missing = 0;
        for (var c = 0; c < chunks.Count; c++)
        {
            var length = c == chunks.Count - 1 ? lastCount : ChunkSize;
            foreach (var key in chunks[c].AsSpan(0, length))
            {
                if (!known(key))
                {
                    missing++;
                }
            }
        }

        return missing;
    }
}
