using System.Globalization;

namespace BlindSpot.Simulation;

/// <summary>
/// A group whose records an institution (or every institution) delivers only in part: people of a 시도 or an age band.
/// Written <c>GROUP[/SOURCE]=COVERAGE</c>, GROUP being <c>sido:NN</c> or <c>age:MIN-MAX</c> (<c>age:65-</c> for 65 and
/// over), SOURCE a catalog source code (KCIS, WATER …) or nothing for all, COVERAGE the share of records kept (0–1).
/// Household feeds use the age of the household's oldest member. Immutable.
/// </summary>
/// <param name="Sido">Two-digit 시도 code, or null for any.</param>
/// <param name="MinAge">Youngest age in the group (0 when by 시도).</param>
/// <param name="MaxAge">Oldest age in the group (120 when open).</param>
/// <param name="Source">Catalog source code, or null for every institution.</param>
/// <param name="Coverage">Share of the group's records delivered, 0–1.</param>
public sealed record CoverageGap(string? Sido, int MinAge, int MaxAge, string? Source, double Coverage)
{
    /// <summary>
    /// The default gaps (plausible, no public figure): credit-bureau and telecom records cover people of 65 and over at
    /// 60 % (fewer accounts in their own name, more prepaid and family plans); apartment management fees (한국부동산원)
    /// cover 전라남도, 경상북도 and 강원 at 50 % (few apartment complexes report) and small rural water systems deliver 70 %
    /// there.
    /// </summary>
    public static IReadOnlyList<CoverageGap> Defaults { get; } =
    [
        Parse("age:65-/KCIS=0.6"), Parse("age:65-/KAIT=0.6"),
        Parse("sido:46/REB=0.5"), Parse("sido:47/REB=0.5"), Parse("sido:51/REB=0.5"),
        Parse("sido:46/WATER=0.7"), Parse("sido:47/WATER=0.7"), Parse("sido:51/WATER=0.7"),
    ];

    /// <summary>Reads <c>GROUP[/SOURCE]=COVERAGE</c>; throws <see cref="FormatException"/> stating the form.</summary>
    public static CoverageGap Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bad = new FormatException($"'{text}' is not a coverage gap: write GROUP[/SOURCE]=COVERAGE, e.g. sido:46/REB=0.5 or age:65-/KCIS=0.6 (coverage 0–1).");
        var eq = text.LastIndexOf('=');
        if (eq < 0 || !double.TryParse(text[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var coverage))
        {
            throw bad;
        }

        var parts = text[..eq].Split('/');
        var source = parts.Length == 2 && parts[1].Length > 0 ? parts[1] : parts.Length == 1 ? null : throw bad;
        var group = parts[0];
        if (group.StartsWith("sido:", StringComparison.Ordinal) && group.Length == 7 && group[5..].All(char.IsAsciiDigit))
        {
            return new CoverageGap(group[5..], 0, 120, source, coverage);
        }

        var ages = group.StartsWith("age:", StringComparison.Ordinal) ? group[4..].Split('-') : [];
        return ages.Length == 2 && int.TryParse(ages[0], CultureInfo.InvariantCulture, out var min)
            && (ages[1].Length == 0 || int.TryParse(ages[1], CultureInfo.InvariantCulture, out _))
            ? new CoverageGap(null, min, ages[1].Length == 0 ? 120 : int.Parse(ages[1], CultureInfo.InvariantCulture), source, coverage)
            : throw bad;
    }

    /// <summary>The broken rule, or null.</summary>
    public string? Problem() =>
        !(Coverage >= 0 && Coverage <= 1) ? $"Coverage gap {this}: coverage must be 0–1."
        : MinAge < 0 || MaxAge > 120 || MinAge > MaxAge ? $"Coverage gap {this}: ages must be 0–120, youngest first."
        : null;

    /// <summary>The written form, as <see cref="Parse"/> reads it.</summary>
    public override string ToString()
    {
        var group = Sido is not null ? $"sido:{Sido}" : MaxAge == 120 ? $"age:{MinAge}-" : $"age:{MinAge}-{MaxAge}";
        return string.Create(CultureInfo.InvariantCulture, $"{group}{(Source is null ? "" : "/" + Source)}={Coverage}");
    }
}
