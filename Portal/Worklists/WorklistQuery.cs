using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace BlindSpot.Portal.Worklists;

/// <summary>
/// What the officer asked of their list (the query string): search, filters, sort and page. Parsed strictly: a value
/// that is not one of the offered ones is ignored (the default applies), never matched loosely. It only ever narrows
/// the one 시군구's list the handler has already authorised, so no value can reach another 시군구's rows.
/// </summary>
public sealed record WorklistQuery
{
    /// <summary>Entries per page.</summary>
    public const int PageSize = 50;

    /// <summary>The rank bands offered (시군구 내 순위), inclusive.</summary>
    public static IReadOnlyList<(string Key, int From, int To, string Label)> RankBands { get; } =
    [
        ("1-10", 1, 10, "1–10위"),
        ("11-50", 11, 50, "11–50위"),
        ("51-100", 51, 100, "51–100위"),
        ("101-", 101, int.MaxValue, "101위 이하"),
    ];

    /// <summary>The sort keys offered, with their Korean labels.</summary>
    public static IReadOnlyList<(string Key, string Label)> Sorts { get; } = [("due", "회신 기한"), ("rank", "순위"), ("name", "성명"), ("id", "워크리스트ID")];

    /// <summary>Name or worklist id contains this (trimmed, at most 50 characters); empty for no search.</summary>
    public string Search { get; init; } = "";

    /// <summary>A variant's Korean name (위기가구, 위기아동, 고독사위험), or empty for all.</summary>
    public string Variant { get; init; } = "";

    /// <summary>A risk grade (상, 중, 하), or empty for all.</summary>
    public string Grade { get; init; } = "";

    /// <summary>A key of <see cref="RankBands"/>, or empty for all.</summary>
    public string RankBand { get; init; } = "";

    /// <summary>Which entries by outcome: still due (the default), reported, or all.</summary>
    public WorklistStatus Status { get; init; } = WorklistStatus.Due;

    /// <summary>Only entries past their due date with no outcome yet.</summary>
    public bool OverdueOnly { get; init; }

    /// <summary>A key of <see cref="Sorts"/>; due date by default.</summary>
    public string Sort { get; init; } = "due";

    public bool Descending { get; init; }

    /// <summary>1-based; a page past the last shows the last.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Reads the query string; anything unknown falls back to its default.</summary>
    public static WorklistQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string One(string key) => query[key].Count == 1 ? query[key][0]?.Trim() ?? "" : "";
        var search = One("q");
        return new WorklistQuery
        {
            Search = search.Length > 50 ? search[..50] : search,
            Variant = One("variant") is "위기가구" or "위기아동" or "고독사위험" ? One("variant") : "",
            Grade = One("grade") is "상" or "중" or "하" ? One("grade") : "",
            RankBand = RankBands.Any(b => b.Key == One("rank")) ? One("rank") : "",
            Status = One("status") switch { "reported" => WorklistStatus.Reported, "all" => WorklistStatus.All, _ => WorklistStatus.Due },
            OverdueOnly = One("overdue") == "1",
            Sort = Sorts.Any(s => s.Key == One("sort")) ? One("sort") : "due",
            Descending = One("dir") == "desc",
            Page = int.TryParse(One("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1,
        };
    }

    /// <summary>The query string of this query (for links), with <paramref name="page"/> when given.</summary>
    public string ToQueryString(int? page = null)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string key, string value, string unless)
        {
            if (value != unless)
            {
                parts.Add(new(key, value));
            }
        }

        Add("q", Search, "");
        Add("variant", Variant, "");
        Add("grade", Grade, "");
        Add("rank", RankBand, "");
        Add("status", Status switch { WorklistStatus.Reported => "reported", WorklistStatus.All => "all", _ => "due" }, "due");
        Add("overdue", OverdueOnly ? "1" : "", "");
        Add("sort", Sort, "due");
        Add("dir", Descending ? "desc" : "", "");
        Add("page", (page ?? Page).ToString(CultureInfo.InvariantCulture), "1");
        return QueryString.Create(parts).ToString();
    }

    /// <summary>Applies search, filters and sort to <paramref name="list"/>, then cuts out the page; <paramref name="today"/> decides what is overdue.</summary>
    public WorklistPage Apply(QuarterWorklist list, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(list);
        var band = RankBands.FirstOrDefault(b => b.Key == RankBand);
        var matching = list.Rows.Where(r =>
            (Search.Length == 0 || r.Name.Contains(Search, StringComparison.Ordinal) || r.WorklistId.Contains(Search, StringComparison.OrdinalIgnoreCase))
            && (Variant.Length == 0 || r.VariantName == Variant)
            && (Grade.Length == 0 || r.RiskBand == Grade)
            && (band.Key is null || (r.SigunguRank >= band.From && r.SigunguRank <= band.To))
            && Status switch { WorklistStatus.Due => !list.Reported.Contains(r.WorklistId), WorklistStatus.Reported => list.Reported.Contains(r.WorklistId), _ => true }
            && (!OverdueOnly || (!list.Reported.Contains(r.WorklistId) && r.OutcomeDue < today)));
        var sorted = Sorted(matching).ToList();
        var pages = Math.Max(1, (sorted.Count + PageSize - 1) / PageSize);
        var page = Math.Min(Page, pages);
        return new WorklistPage(sorted.Count, list.Rows.Count, page, pages, [.. sorted.Skip((page - 1) * PageSize).Take(PageSize)]);
    }

    // Ties always break by worklist id, so a page holds the same rows however often it is asked for.
    private IEnumerable<WorklistRow> Sorted(IEnumerable<WorklistRow> rows)
    {
        Func<WorklistRow, IComparable> key = Sort switch
        {
            "rank" => r => r.SigunguRank,
            "name" => r => r.Name,
            "id" => r => r.WorklistId,
            _ => r => r.OutcomeDue,
        };
        var ordered = Descending ? rows.OrderByDescending(key, Comparer<IComparable>.Default) : rows.OrderBy(key, Comparer<IComparable>.Default);
        return ordered.ThenBy(r => r.WorklistId, StringComparer.Ordinal);
    }
}
