using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Data;

/// <summary>
/// One row group of a part file in column layout, as the batch scorer reads it: keys, 시군구 codes, eligibility for every
/// variant (indexed by <c>(int)Variant</c>) and only the feature columns that were asked for (<c>null</c> for the others),
/// each indexed by the feature's position in the schema. Arrays may be longer than <see cref="Rows"/>: the reader reuses
/// them from one row group to the next, so a block is valid only until the reader moves on.
/// </summary>
internal sealed class FeatureColumns(int capacity, IReadOnlyList<int> read, int width)
{
    public int Rows { get; set; }

    public long[] PersonKeys { get; } = new long[capacity];

    public long[] HouseholdKeys { get; } = new long[capacity];

    /// <summary>One shared string per distinct code (the reader interns them), so 9M rows hold ~250 strings.</summary>
    public string[] SigunguCodes { get; } = new string[capacity];

    public bool[][] Eligibility { get; } = [.. VariantNames.All.Select(_ => new bool[capacity])];

    /// <summary>Feature values by schema position; only the positions read are non-null.</summary>
    public float[]?[] Features { get; } = Columns(capacity, read, width);

    public int Capacity => PersonKeys.Length;

    /// <summary>Whether each row belongs to <paramref name="variant"/>'s population (the first <see cref="Rows"/> entries).</summary>
    public ReadOnlySpan<bool> Eligible(Variant variant) => Eligibility[(int)variant].AsSpan(0, Rows);

    /// <summary>The values of feature <paramref name="feature"/> (schema position); it must have been read.</summary>
    public ReadOnlySpan<float> Feature(int feature) =>
        (Features[feature] ?? throw new InvalidOperationException($"Feature {feature} was not read for this block.")).AsSpan(0, Rows);

    /// <summary>Whether this buffer holds exactly the feature columns <paramref name="read"/> of a <paramref name="width"/>-feature schema.</summary>
    public bool Reads(IReadOnlyList<int> read, int width) =>
        Features.Length == width && Features.Count(f => f is not null) == read.Count && read.All(f => Features[f] is not null);

    private static float[]?[] Columns(int capacity, IReadOnlyList<int> read, int width)
    {
        var columns = new float[]?[width];
        foreach (var feature in read)
        {
            columns[feature] = new float[capacity];
        }

        return columns;
    }
}
