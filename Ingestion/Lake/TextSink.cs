using System.Text;
using System.Text.RegularExpressions;
using BlindSpot.Core.Catalog;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Ingestion.Lake;

/// <summary>
/// A catalog <c>code</c> column (one of the listed codes) or <c>string</c> column (optionally matching a pattern);
/// UTF8 in the lake. Codes resolve to the catalog's own string instances, so a million rows allocate no strings.
/// </summary>
internal sealed class TextSink : ColumnSink
{
    private const int PoolLimit = 100_000;

    private readonly (byte[] Utf8, string Text)[] codes;
    private readonly Regex? pattern;
    private readonly string reason;
    private readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> poolLookup;
    private string?[] values = new string?[1024];
    private string? staged;
    private int count;

    public TextSink(ColumnDefinition column)
        : base(column)
    {
        Field = new DataField<string>(column.Name, column.Nullable);
        poolLookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (column.Type == ColumnType.Code)
        {
            codes = [.. (column.Values ?? new Dictionary<string, string>()).Keys.Select(code => (Encoding.UTF8.GetBytes(code), code))];
            reason = $"is not one of the catalog's codes ({string.Join(", ", codes.Select(c => c.Text))})";
        }
        else
        {
            codes = [];
            pattern = column.Pattern is { } p ? new Regex(p, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)) : null;
            reason = $"does not match the catalog's pattern {column.Pattern}";
        }
    }

    public override DataField Field { get; }

    /// <summary>The value of the last successful <see cref="Stage"/>; null when the field was empty.</summary>
    public string? Staged => staged;

    public override string? Stage(ReadOnlySpan<byte> utf8)
    {
        staged = null;
        if (utf8.IsEmpty)
        {
            return Column.Nullable ? null : "is empty but the catalog does not allow an empty value";
        }

        return Column.Type == ColumnType.Code ? StageCode(utf8) : StageString(utf8);
    }

    public override void Commit()
    {
        if (count == values.Length)
        {
            Array.Resize(ref values, count * 2);
        }

        values[count++] = staged;
    }

    public override async ValueTask WriteAsync(ParquetRowGroupWriter writer, ReadOnlyMemory<int> rows, CancellationToken cancellationToken)
    {
        var picked = new string?[rows.Length];
        var span = rows.Span;
        for (var i = 0; i < picked.Length; i++)
        {
            picked[i] = values![span[i]];
        }

        await writer.WriteAsync(Field, new ArraySegment<string>(picked!, 0, picked.Length));
    }

    public override void Clear()
    {
        Array.Clear(values, 0, count);
        count = 0;
    }

    private string? StageCode(ReadOnlySpan<byte> utf8)
    {
        foreach (var (bytes, text) in codes)
        {
            if (utf8.SequenceEqual(bytes))
            {
                staged = text;
                return null;
            }
        }

        return reason;
    }

    private string? StageString(ReadOnlySpan<byte> utf8)
    {
        var chars = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        var text = chars[..length];

        // The pool holds only values that matched: a region code seen before needs no second regular-expression run.
        if (poolLookup.TryGetValue(text, out var known))
        {
            staged = known;
            return null;
        }

        if (pattern is not null && !pattern.IsMatch(text))
        {
            return reason;
        }

        staged = Intern(text);
        return null;
    }

    // Region codes repeat millions of times with a few thousand distinct values: share one string per value.
    private string Intern(ReadOnlySpan<char> text)
    {
        if (poolLookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var created = text.ToString();
        if (pool.Count < PoolLimit)
        {
            pool[created] = created;
        }

        return created;
    }
}
