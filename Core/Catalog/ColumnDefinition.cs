namespace BlindSpot.Core.Catalog;

/// <summary>One delivered column: its lake name, its header in each language, type, role and valid values.</summary>
public sealed record ColumnDefinition
{
    /// <summary>Lower snake-case name used in the lake and in reason templates.</summary>
    public required string Name { get; init; }

    public required string HeaderKo { get; init; }

    public required string HeaderEn { get; init; }

    public required ColumnType Type { get; init; }

    /// <summary>Null for roster columns, which feed no features.</summary>
    public ColumnRole? Role { get; init; }

    /// <summary>Smallest valid value of a numeric column.</summary>
    public double? Min { get; init; }

    /// <summary>Largest valid value of a numeric column.</summary>
    public double? Max { get; init; }

    /// <summary>True when an empty field is valid. Default false.</summary>
    public bool Nullable { get; init; }

    /// <summary>For <see cref="ColumnType.Code"/>: each valid code and its Korean label.</summary>
    public IReadOnlyDictionary<string, string>? Values { get; init; }

    /// <summary>For <see cref="ColumnType.String"/>: an optional regular expression the whole field must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>The header in <paramref name="language"/>.</summary>
    public string Header(HeaderLanguage language) => language == HeaderLanguage.Ko ? HeaderKo : HeaderEn;
}
