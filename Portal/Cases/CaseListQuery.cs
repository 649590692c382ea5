using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace BlindSpot.Portal.Cases;

/// <summary>
/// Reads the case list's query string into a <see cref="CaseQuery"/> of the caller's own scope. Strict: a value that is
/// not one of the offered ones is ignored, and no parameter can name another 시군구 or, for a 읍면동 officer, widen their 읍면동.
/// </summary>
public static class CaseListQuery
{
    /// <param name="ownEupmyeondong">The 읍면동 officer's 읍면동 (always applied), or null for a 시군구 officer.</param>
    /// <param name="offered">The 시군구's 읍면동 codes a 시군구 officer may filter by.</param>
    public static CaseQuery From(IQueryCollection query, string quarter, string sigungu, string? ownEupmyeondong, IReadOnlyList<string> offered, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(offered);
        string One(string key) => query[key].Count == 1 ? query[key][0]?.Trim() ?? "" : "";
        var search = One("q");
        var emd = One("emd");
        return new CaseQuery
        {
            Quarter = quarter,
            SigunguCode = sigungu,
            Eupmyeondong = ownEupmyeondong ?? (emd == "-" || offered.Contains(emd) ? emd : ""),
            Search = search.Length > 50 ? search[..50] : search,
            Variant = One("variant") is "위기가구" or "위기아동" or "고독사위험" ? One("variant") : "",
            Grade = One("grade") is "상" or "중" or "하" ? One("grade") : "",
            Status = CaseStatus.IsKnown(One("status")) || One("status") == "open" ? One("status") : "",
            ReasonKind = ReasonKinds.IsKnown(One("reason")) ? One("reason") : "",
            Origin = One("origin") is CaseOrigin.Dispatch or CaseOrigin.OwnDiscovery or CaseOrigin.Report or CaseOrigin.Continued ? One("origin") : "",
            ContinuedOnly = One("continued") == "1",
            RepeatOnly = One("repeat") == "1",
            OverdueOn = One("overdue") == "1" ? today : null,
            Sort = CaseQuery.Sorts.Any(s => s.Key == One("sort")) ? One("sort") : "due",
            Descending = One("dir") == "desc",
            Page = int.TryParse(One("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1,
        };
    }

    /// <summary>The query string of <paramref name="q"/> (for page links), with <paramref name="page"/>.</summary>
    public static string ToQueryString(CaseQuery q, bool withEupmyeondong, int page)
    {
        ArgumentNullException.ThrowIfNull(q);
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string key, string value)
        {
            if (value.Length > 0)
            {
                parts.Add(new(key, value));
            }
        }

        Add("q", q.Search);
        Add("emd", withEupmyeondong ? q.Eupmyeondong : "");
        Add("variant", q.Variant);
        Add("grade", q.Grade);
        Add("status", q.Status);
        Add("reason", q.ReasonKind);
        Add("origin", q.Origin);
        Add("continued", q.ContinuedOnly ? "1" : "");
        Add("repeat", q.RepeatOnly ? "1" : "");
        Add("overdue", q.OverdueOn is null ? "" : "1");
        Add("sort", q.Sort == "due" ? "" : q.Sort);
        Add("dir", q.Descending ? "desc" : "");
        Add("page", page == 1 ? "" : page.ToString(CultureInfo.InvariantCulture));
        return QueryString.Create(parts).ToString();
    }
}
