using System.Text.Json;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Core.Regions;

/// <summary>
/// The 17 시도 and 229 시군구 from <c>catalog/regions.json</c>, validated on load. Immutable and thread-safe.
/// </summary>
public sealed class RegionRegistry
{
    private readonly Dictionary<string, Sido> sidoByCode;
    private readonly Dictionary<string, Sigungu> sigunguByCode;

    private RegionRegistry(IReadOnlyList<Sido> sido, IReadOnlyList<Sigungu> sigungu)
    {
        Sido = sido;
        Sigungu = sigungu;
        sidoByCode = sido.ToDictionary(s => s.Code, StringComparer.Ordinal);
        sigunguByCode = sigungu.ToDictionary(s => s.Code, StringComparer.Ordinal);
    }

    /// <summary>Every 시도, ordered by code.</summary>
    public IReadOnlyList<Sido> Sido { get; }

    /// <summary>Every 시군구, ordered by code.</summary>
    public IReadOnlyList<Sigungu> Sigungu { get; }

    /// <summary>The sum of the 시군구 populations.</summary>
    public long TotalPopulation => Sigungu.Sum(s => (long)s.Population);

    /// <summary>The registry embedded in the build (the repository's <c>catalog/regions.json</c>).</summary>
    public static RegionRegistry LoadDefault()
    {
        using var stream = EmbeddedCatalog.Open("regions.json");
        return Load(stream, "embedded catalog/regions.json");
    }

    public static RegionRegistry Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Reads and validates; throws <see cref="CatalogException"/> naming the file and the offending entry.</summary>
    public static RegionRegistry Load(Stream stream, string origin)
    {
        RegionsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RegionsDocument>(stream, CatalogJson.Options);
        }
        catch (JsonException ex)
        {
            throw new CatalogException(origin, $"is not valid regions JSON: {ex.Message}", ex);
        }

        if (document?.Sido is not { Count: > 0 } || document.Sigungu is not { Count: > 0 })
        {
            throw new CatalogException(origin, "must list 'sido' and 'sigungu'.");
        }

        Validate(document, origin);
        return new RegionRegistry(
            [.. document.Sido.OrderBy(s => s.Code, StringComparer.Ordinal)],
            [.. document.Sigungu.OrderBy(s => s.Code, StringComparer.Ordinal)]);
    }

    public Sido GetSido(string code) =>
        sidoByCode.TryGetValue(code, out var sido) ? sido : throw new KeyNotFoundException($"No 시도 with code '{code}'.");

    public Sigungu GetSigungu(string code) =>
        sigunguByCode.TryGetValue(code, out var sigungu) ? sigungu : throw new KeyNotFoundException($"No 시군구 with code '{code}'.");

    public bool TryGetSigungu(string code, out Sigungu sigungu) => sigunguByCode.TryGetValue(code, out sigungu!);

    /// <summary>The 시군구 of one 시도, ordered by code.</summary>
    public IReadOnlyList<Sigungu> SigunguOf(string sidoCode) => [.. Sigungu.Where(s => s.Sido == sidoCode)];

    private static void Validate(RegionsDocument document, string origin)
    {
        var sidoCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sido in document.Sido!)
        {
            if (sido.Code is not { Length: 2 } || !sido.Code.All(char.IsAsciiDigit))
            {
                throw new CatalogException(origin, $"시도 '{sido.NameKo}' has code '{sido.Code}': a 시도 code is two digits.");
            }

            if (!sidoCodes.Add(sido.Code))
            {
                throw new CatalogException(origin, $"시도 code '{sido.Code}' appears twice.");
            }
        }

        var sigunguCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sigungu in document.Sigungu!)
        {
            var entry = $"시군구 '{sigungu.Code}' ({sigungu.NameKo})";
            if (sigungu.Code is not { Length: 5 } || !sigungu.Code.All(char.IsAsciiDigit))
            {
                throw new CatalogException(origin, $"{entry}: a 시군구 code is five digits.");
            }

            if (!sigunguCodes.Add(sigungu.Code))
            {
                throw new CatalogException(origin, $"{entry} appears twice.");
            }

            if (!sidoCodes.Contains(sigungu.Sido) || !sigungu.Code.StartsWith(sigungu.Sido, StringComparison.Ordinal))
            {
                throw new CatalogException(origin, $"{entry} names 시도 '{sigungu.Sido}', which is unknown or not its code prefix.");
            }

            if (sigungu.Population <= 0 || sigungu.Eupmyeondong is < 1 or > 98)
            {
                throw new CatalogException(origin, $"{entry} needs a positive population and 1–98 읍면동.");
            }
        }
    }

    private sealed record RegionsDocument(string? Notes, List<Sido>? Sido, List<Sigungu>? Sigungu);
}
