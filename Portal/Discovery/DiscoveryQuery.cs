using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Dispatch.Discovery;
using BlindSpot.Portal.Cases;
using Microsoft.AspNetCore.Http;

namespace BlindSpot.Portal.Discovery;

/// <summary>
/// The conditions of an own-discovery search, from the query string: <c>emd</c> (a 읍면동 of the 시군구), <c>age</c> (a band
/// of <see cref="AgeBands"/>), <c>hh</c> (household types, any of them), <c>kind</c> (reason kinds of
/// <see cref="ReasonKinds"/>, any), <c>feed</c> (feed codes, any), and <c>g-&lt;variant&gt;</c> (the lowest grade wanted in
/// that variant: 상, 중 = 상 or 중, 하 = any grade). Between conditions all must hold. A value not offered is dropped, never
/// matched loosely; the area itself is not a condition (the handler scopes it).
/// </summary>
internal sealed record DiscoveryQuery
{
    /// <summary>Rows shown at most; the counts cover every match.</summary>
    public const int Shown = 200;

    public static IReadOnlyList<(string Key, string Label, int From, int To)> AgeBands { get; } =
    [
        ("0-17", "0–17세", 0, 17), ("18-29", "18–29세", 18, 29), ("30-39", "30대", 30, 39), ("40-49", "40대", 40, 49),
        ("50-64", "50–64세", 50, 64), ("65-79", "65–79세", 65, 79), ("80-", "80세 이상", 80, int.MaxValue),
    ];

    public static IReadOnlyList<(string Key, string Label, HouseholdTraits Trait)> HouseholdTypes { get; } =
    [
        ("single", "1인 가구", HouseholdTraits.SinglePerson), ("child", "아동 가구", HouseholdTraits.WithChild),
        ("elder", "노인 가구원", HouseholdTraits.WithElder), ("elder-only", "노인만 사는 가구", HouseholdTraits.ElderOnly),
        ("disability", "장애인 가구원", HouseholdTraits.WithDisability),
    ];

    public static IReadOnlyList<(string Key, string Label, DiscoveryGrade Lowest)> GradeChoices { get; } =
    [
        ("상", "상", DiscoveryGrade.High), ("중", "중 이상", DiscoveryGrade.Middle), ("하", "하 이상 (평가됨)", DiscoveryGrade.Low),
    ];

    public string Eupmyeondong { get; init; } = "";

    public string AgeBand { get; init; } = "";

    public IReadOnlyList<string> Households { get; init; } = [];

    public IReadOnlyList<string> Kinds { get; init; } = [];

    public IReadOnlyList<string> Feeds { get; init; } = [];

    /// <summary>Variant → the grade key of <see cref="GradeChoices"/>.</summary>
    public IReadOnlyDictionary<Variant, string> Grades { get; init; } = new Dictionary<Variant, string>();

    public static string GradeParameter(Variant variant) => "g-" + variant.ToCode();

    /// <summary>The conditions in <paramref name="query"/> that name offered values; <paramref name="eupmyeondongs"/> are the area's.</summary>
    public static DiscoveryQuery From(IQueryCollection query, IReadOnlyList<string> eupmyeondongs, IReadOnlyList<string> feedCodes)
    {
        ArgumentNullException.ThrowIfNull(query);
        var grades = new Dictionary<Variant, string>();
        foreach (var variant in VariantNames.All)
        {
            if (query[GradeParameter(variant)].ToString() is var g && GradeChoices.Any(c => c.Key == g))
            {
                grades[variant] = g;
            }
        }

        return new DiscoveryQuery
        {
            Eupmyeondong = query["emd"].ToString() is var emd && eupmyeondongs.Contains(emd) ? emd : "",
            AgeBand = query["age"].ToString() is var age && AgeBands.Any(b => b.Key == age) ? age : "",
            Households = Offered(query["hh"], HouseholdTypes.Select(h => h.Key)),
            Kinds = Offered(query["kind"], ReasonKinds.All.Select(k => k.Key)),
            Feeds = Offered(query["feed"], feedCodes),
            Grades = grades,
        };
    }

    private static string[] Offered(Microsoft.Extensions.Primitives.StringValues values, IEnumerable<string> offered)
    {
        var set = offered.ToHashSet(StringComparer.Ordinal);
        return [.. values.OfType<string>().Where(set.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The conditions as a query string (without '?'), in a fixed order: the page's links and the audit's record of the search.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, string value) => parts.Add(name + "=" + Uri.EscapeDataString(value));
        if (Eupmyeondong.Length > 0)
        {
            Add("emd", Eupmyeondong);
        }

        if (AgeBand.Length > 0)
        {
            Add("age", AgeBand);
        }

        Households.ToList().ForEach(h => Add("hh", h));
        Kinds.ToList().ForEach(k => Add("kind", k));
        Feeds.ToList().ForEach(f => Add("feed", f));
        foreach (var (variant, grade) in Grades.OrderBy(g => g.Key))
        {
            Add(GradeParameter(variant), grade);
        }

        return string.Join('&', parts);
    }

    /// <summary>What the audit log keeps of the search: the condition names and codes only (never a name or number; none are conditions).</summary>
    public string AuditText()
    {
        var text = new StringBuilder("search");
        text.Append(Eupmyeondong.Length > 0 ? ";emd=" + Eupmyeondong : "");
        text.Append(AgeBand.Length > 0 ? ";age=" + AgeBand : "");
        text.Append(Households.Count > 0 ? ";hh=" + string.Join(',', Households) : "");
        text.Append(Kinds.Count > 0 ? ";kind=" + string.Join(',', Kinds) : "");
        text.Append(Feeds.Count > 0 ? ";feed=" + string.Join(',', Feeds) : "");
        foreach (var (variant, grade) in Grades.OrderBy(g => g.Key))
        {
            text.Append(";g-").Append(variant.ToCode()).Append('=').Append(GradeChoices.First(c => c.Key == grade).Lowest switch
            {
                DiscoveryGrade.High => "high",
                DiscoveryGrade.Middle => "middle",
                _ => "low",
            });
        }

        return text.ToString();
    }
}
