namespace BlindSpot.Scoring.Training;

/// <summary>
/// Investigated people joined to their features: a row-major matrix (<see cref="Rows"/> × <see cref="Width"/>), the label
/// (any kind of support = true; see LabelValues.Label), whether the row came from the random audit sample, and what was left out and why.
/// </summary>
public sealed record LabelledSet(long[] Keys, float[] Features, int Width, bool[] Labels, bool[] Audit)
{
    public int Rows => Keys.Length;

    /// <summary>The 시도 code of each row, for per-region evaluation; empty when not read.</summary>
    public string[] Sido { get; init; } = [];

    /// <summary>Labels whose outcome was unreachable: no label either way, so excluded.</summary>
    public long Unreachable { get; init; }

    /// <summary>Labels with no label either way (unreachable, refused, moved, other): all excluded, unreachable among them.</summary>
    public long NoLabel { get; init; }

    /// <summary>Labels with no eligible feature row for the person in that quarter (moved out, not eligible, unknown key).</summary>
    public long WithoutFeatures { get; init; }

    /// <summary>Second and later labels of the same person, variant and quarter; the first counts.</summary>
    public long Duplicates { get; init; }

    /// <summary>Input file (relative to the data root) → SHA-256.</summary>
    public IReadOnlyDictionary<string, string> InputHashes { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public int Positives => Labels.Count(l => l);

    public double PositiveRate => Rows == 0 ? 0 : (double)Positives / Rows;

    public int AuditRows => Audit.Count(a => a);

    public ReadOnlySpan<float> Row(int row) => Features.AsSpan(row * Width, Width);

    /// <summary>The rows of the random audit sample only: the unbiased view of the population.</summary>
    public LabelledSet AuditOnly()
    {
        var rows = Enumerable.Range(0, Rows).Where(r => Audit[r]).ToArray();
        var features = new float[rows.Length * Width];
        for (var i = 0; i < rows.Length; i++)
        {
            Row(rows[i]).CopyTo(features.AsSpan(i * Width, Width));
        }

        return this with
        {
            Keys = [.. rows.Select(r => Keys[r])],
            Features = features,
            Labels = [.. rows.Select(r => Labels[r])],
            Audit = [.. rows.Select(_ => true)],
            Sido = Sido.Length == 0 ? [] : [.. rows.Select(r => Sido[r])],
        };
    }
}
