using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Discovery;
using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Discovery;

namespace BlindSpot.Portal.Pages;

/// <summary>The own-discovery page (자체 발굴): conditions, counts, the first matches with a form to add them as cases (Korean; plain forms, no script).</summary>
internal static class DiscoveryView
{
    public static string Search(FeedCatalog catalog, string sigungu, Quarter quarter, IReadOnlyList<string> eupmyeondongs, DiscoveryQuery query, LoadedDiscovery loaded, DiscoveryResult result, string token)
    {
        var url = $"/discovery/{sigungu}/{quarter}";
        var index = loaded.Index;
        return $"""
            <p class="noprint"><a href="/cases/{quarter}">{quarter} 사례 목록</a> · 발굴 명단에 오르지 않은, 이번 분기 위기정보가 입수된 관할 주민을 조건으로 찾아 사례로 추가합니다.</p>
            {Filter(catalog, url, query, eupmyeondongs, index)}
            <p id="discovery-count" class="notice">조건에 맞는 사람 <strong>{result.Matching:N0}명</strong> (관할 위기정보 입수자 {result.InScope:N0}명){(result.Matching > result.Shown.Count ? $" · 상위 {result.Shown.Count:N0}명 표시" : "")}</p>
            {GradeCounts(index, result)}
            {EupmyeondongCounts(result, eupmyeondongs.Count > 0)}
            {People(catalog, url, loaded, result, token)}
            """;
    }

    public static string Added(Quarter quarter, IReadOnlyList<CaseRecord> added, IReadOnlyList<string> already, string back)
    {
        var items = string.Concat(added.Select(c => $"<li><a href=\"/cases/{quarter}/{Html.E(c.CaseId)}\">{Html.E(c.CaseId)}</a> {Html.E(c.Name)}</li>"));
        var refused = string.Concat(already.Select(a => $"<li>{Html.E(a)}: 이미 이번 분기 사례로 등록된 사람입니다.</li>"));
        return (added.Count > 0 ? $"<p class=\"ok\">사례 {added.Count:N0}건을 추가했습니다.</p><ul id=\"added\">{items}</ul>" : "")
            + (already.Count > 0 ? $"<p class=\"error\" role=\"alert\">이미 이번 분기 사례로 등록되어 추가하지 않은 사람이 있습니다.</p><ul id=\"already\">{refused}</ul>" : "")
            + $"<p><a href=\"{back}\">자체 발굴로 돌아가기</a> · <a href=\"/cases/{quarter}?origin={CaseOrigin.OwnDiscovery}\">자체 발굴 사례 목록</a></p>";
    }

    private static string Filter(FeedCatalog catalog, string url, DiscoveryQuery q, IReadOnlyList<string> eupmyeondongs, DiscoveryIndex index)
    {
        static string Select(string name, string label, string current, IEnumerable<(string Value, string Label)> options) =>
            $"<label>{label} <select name=\"{name}\" id=\"filter-{name}\">{string.Concat(options.Select(o => $"<option value=\"{Html.E(o.Value)}\"{(o.Value == current ? " selected" : "")}>{Html.E(o.Label)}</option>"))}</select></label>";
        static string Boxes(string name, IReadOnlyList<string> chosen, IEnumerable<(string Value, string Label)> options) =>
            string.Concat(options.Select(o => $"<label><input type=\"checkbox\" name=\"{name}\" value=\"{Html.E(o.Value)}\"{(chosen.Contains(o.Value) ? " checked" : "")}> {Html.E(o.Label)}</label>"));
        var feeds = index.FeedCodes.Select(code => (code, catalog.TryGetFeed(code, out var f) ? f.NameKo : code));
        var emd = eupmyeondongs.Count == 0 ? "" : Select("emd", "읍면동", q.Eupmyeondong, [("", "전체"), .. eupmyeondongs.Select(e => (e, Eupmyeondongs.Label(e)))]);
        var grades = string.Concat(index.Variants.Select(v => Select(DiscoveryQuery.GradeParameter(v), DiscoveryGrades.VariantName(v) + " 등급", q.Grades.GetValueOrDefault(v) ?? "",
            [("", "전체"), .. DiscoveryQuery.GradeChoices.Select(c => (c.Key, c.Label))])));
        return $"""
            <form method="get" action="{url}" id="discovery-filter" class="filter noprint">
              {emd}
              {Select("age", "연령", q.AgeBand, [("", "전체"), .. DiscoveryQuery.AgeBands.Select(b => (b.Key, b.Label))])}
              {grades}
              <fieldset id="filter-hh"><legend>가구 유형 (하나라도)</legend>{Boxes("hh", q.Households, DiscoveryQuery.HouseholdTypes.Select(h => (h.Key, h.Label)))}</fieldset>
              <fieldset id="filter-kind"><legend>위기 유형 (하나라도)</legend>{Boxes("kind", q.Kinds, ReasonKinds.All.Select(k => (k.Key, k.Label)))}</fieldset>
              <details{(q.Feeds.Count > 0 ? " open" : "")}><summary>위기 지표 고르기{(q.Feeds.Count > 0 ? $" ({q.Feeds.Count}개 선택)" : "")}</summary><fieldset id="filter-feed">{Boxes("feed", q.Feeds, feeds)}</fieldset></details>
              <button type="submit" id="search">조회</button> <a href="{url}">조건 지우기</a>
            </form>
            """;
    }

    private static string GradeCounts(DiscoveryIndex index, DiscoveryResult result)
    {
        var rows = string.Concat(index.Variants.Select((v, i) =>
            $"<tr><th>{Html.E(DiscoveryGrades.VariantName(v))}</th><td>{result.ByGrade[i, 1]:N0}</td><td>{result.ByGrade[i, 2]:N0}</td><td>{result.ByGrade[i, 3]:N0}</td><td>{result.ByGrade[i, 0]:N0}</td></tr>"));
        return $"<div class=\"scroll\"><table id=\"grade-counts\"><thead><tr><th>모형 등급</th><th>상</th><th>중</th><th>하</th><th>평가 없음</th></tr></thead><tbody>{rows}</tbody></table></div>";
    }

    private static string EupmyeondongCounts(DiscoveryResult result, bool show)
    {
        if (!show || result.ByEupmyeondong.Count == 0)
        {
            return "";
        }

        var cells = string.Concat(result.ByEupmyeondong.Select(e => $"<tr><td>{Html.E(Eupmyeondongs.Label(e.Key))}</td><td>{e.Value:N0}</td></tr>"));
        return $"<details id=\"emd-counts\"><summary>읍면동별 인원</summary><div class=\"scroll\"><table><thead><tr><th>읍면동</th><th>인원</th></tr></thead><tbody>{cells}</tbody></table></div></details>";
    }

    private static string People(FeedCatalog catalog, string url, LoadedDiscovery loaded, DiscoveryResult result, string token)
    {
        var index = loaded.Index;
        if (result.Shown.Count == 0)
        {
            return "<p id=\"no-match\">조건에 맞는 사람이 없습니다.</p>";
        }

        var rows = new StringBuilder();
        foreach (var position in result.Shown)
        {
            var p = index.People[position];
            var grades = string.Join(" · ", index.Variants.Select((v, i) => $"{Short(v)} {DiscoveryGrades.KoreanName(p.Grades[i])}"));
            var feeds = Enumerable.Range(0, index.FeedCodes.Count).Where(f => (p.Feeds & (1UL << f)) != 0)
                .Select(f => catalog.TryGetFeed(index.FeedCodes[f], out var feed) ? feed.NameKo : index.FeedCodes[f]).ToList();
            rows.Append($"<tr><td><input type=\"checkbox\" name=\"p\" value=\"{position}\" id=\"p-{position}\" aria-label=\"{Html.E(p.Name)} 선택\"></td><td class=\"name\">{Html.E(p.Name)}</td><td>{Html.E(p.MaskedResidentNumber)}</td>")
                .Append($"<td>{p.Age}세 {(p.Sex == 'F' ? "여" : p.Sex == 'M' ? "남" : "")}</td><td>{Html.E(Eupmyeondongs.Label(p.Eupmyeondong))}</td><td>{Html.E(Household(p))}</td><td>{Html.E(grades)}</td>")
                .Append($"<td>{feeds.Count:N0}종 · {Html.E(string.Join(", ", feeds.Take(3)))}{(feeds.Count > 3 ? " 외" : "")}</td><td>{Html.E(p.Address)}</td></tr>");
        }

        return $"""
            <form method="post" action="{url}/add" id="add-form" class="block">
              {token}<input type="hidden" name="v" value="{Html.E(loaded.Version)}">
              <div class="scroll"><table id="people"><thead><tr><th>선택</th><th>성명</th><th>주민등록번호</th><th>나이</th><th>읍면동</th><th>가구</th><th>모형 등급</th><th>위기 지표</th><th>주소</th></tr></thead><tbody>{rows}</tbody></table></div>
              <label class="noprint">자체 발굴 사유 (필수) <textarea name="reason" id="reason" maxlength="{OwnDiscoveryBook.MaxReasonLength}" rows="3" required></textarea></label>
              <p class="noprint"><button type="submit" id="add">선택한 사람을 사례로 추가</button></p>
            </form>
            """;
    }

    private static string Short(Variant variant) => variant switch
    {
        Variant.Household => "가구",
        Variant.Child => "아동",
        _ => "고독사",
    };

    private static string Household(DiscoveryPerson p)
    {
        var words = DiscoveryQuery.HouseholdTypes.Where(t => (p.Traits & t.Trait) != 0).Select(t => t.Label).ToList();
        return $"{p.HouseholdSize}인" + (words.Count > 0 ? " · " + string.Join(", ", words) : "");
    }
}
