namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// A growable column in 1M-value chunks: no doubling copy and no slack beyond the last chunk, which matters for the
/// roster's 9M rows (a List doubles to 16M). Not thread-safe while growing; reads are safe once filled.
/// </summary>
internal sealed class ChunkedColumn<T>
{
    private const int Shift = 20;
    private const int ChunkSize = 1 << Shift;
    private readonly List<T[]> chunks = [];

    public int Count { get; private set; }

    public T this[int index] => chunks[index >> Shift][index & (ChunkSize - 1)];

    public void Add(T value)
    {
        if ((Count & (ChunkSize - 1)) == 0 && Count >> Shift == chunks.Count)
        {
            chunks.Add(new T[ChunkSize]);
        }

        chunks[Count >> Shift][Count & (ChunkSize - 1)] = value;
        Count++;
    }

    /// <summary>Empties the column; the first chunk is kept for the next values.</summary>
    public void Clear()
    {
        Count = 0;
        if (chunks.Count > 1)
        {
            chunks.RemoveRange(1, chunks.Count - 1);
        }
    }

    /// <summary>Drops the value added last.</summary>
    public void RemoveLast() => Count--;
}
