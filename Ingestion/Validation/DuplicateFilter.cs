using System.IO.Hashing;

namespace BlindSpot.Ingestion.Validation;

/// <summary>
/// Finds exact duplicate records (byte-identical after decoding) by a 128-bit hash of each record, so no record is
/// kept: ~30 bytes a row. At 10M rows the chance that two different records share a hash is about 1e-25.
/// </summary>
internal sealed class DuplicateFilter
{
    private readonly HashSet<UInt128> seen = [];

    /// <summary>True when an identical record was seen before; otherwise remembers this one.</summary>
    public bool IsDuplicate(ReadOnlySpan<byte> record) => !seen.Add(XxHash128.HashToUInt128(record));
}
