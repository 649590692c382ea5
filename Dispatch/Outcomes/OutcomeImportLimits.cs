namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// How much one outcome file may hold. A file beyond a limit is refused as a whole (rows) or row by row (cells), before
/// anything is written, so a crafted file cannot fill memory or the disk. Immutable; checked when an import starts.
/// </summary>
public sealed record OutcomeImportLimits
{
    /// <summary>The defaults: room for a whole quarter's national register (150,000 at full scale) in one central import.</summary>
    public static OutcomeImportLimits Default { get; } = new();

    /// <summary>Data rows (the header not counted); default 200,000, at least 1.</summary>
    public int MaxRows { get; init; } = 200_000;

    /// <summary>Characters in one cell; a longer cell rejects its row. Default 1,000 (the longest worklist text is an address).</summary>
    public int MaxCellChars { get; init; } = 1_000;

    /// <summary>Columns in the header; default 64 (the worklist has 19).</summary>
    public int MaxColumns { get; init; } = 64;

    /// <summary>Uncompressed bytes of one XLSX part (the sheet, the shared strings) or of one CSV record; default 64 MiB.</summary>
    public long MaxPartBytes { get; init; } = 64L << 20;

    internal void Validate()
    {
        if (MaxRows < 1 || MaxCellChars < 1 || MaxColumns < 1 || MaxPartBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(OutcomeImportLimits), this, "outcome import limits must be positive (MaxPartBytes at least 1 KiB).");
        }
    }
}
