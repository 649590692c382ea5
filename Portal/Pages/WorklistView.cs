using System.Globalization;
using System.Text;
using BlindSpot.Core.Quarters;
using BlindSpot.Portal.Uploads;
using BlindSpot.Portal.Worklists;

namespace BlindSpot.Portal.Pages;

/// <summary>
/// The officer's worklist page: deadline and overdue banner, counts, downloads, the upload form, past uploads, and the
/// searchable, filtered, sorted and paged list. A plain GET form (no script: the CSP allows none), so every view is a
/// link the officer can bookmark or print.
/// </summary>
internal static class WorklistView
{
    /// <param name="dispatched">The quarter's 배부일, from which <paramref name="deadline"/> was counted.</param>
    public static string Body(string baseUrl, QuarterWorklist list, WorklistQuery query, WorklistPage page, DateOnly dispatched, Deadline deadline, IReadOnlyList<UploadRecord> uploads, string token)
    {
        var stillDue = list.Rows.Count - list.ReportedCount;
        var variants = string.Concat(list.Variants.Select(v => $"<tr><td>{Html.E(v.Variant)}</td><td>{v.Count:N0}</td><td>{v.Reported:N0}</td></tr>"));
        return $"""
            {Banner(dispatched, deadline, stillDue)}
            <p>대상자 {list.Rows.Count:N0}명 · 결과 회신 {list.ReportedCount:N0}명 · 남은 대상 {stillDue:N0}명</p>
            <div class="scroll"><table><thead><tr><th>유형</th><th>대상자</th><th>회신</th></tr></thead><tbody>{variants}</tbody></table></div>
            <p class="noprint"><a id="cases-link" href="/cases/{Html.E(list.Quarter)}">사례 관리 (배정·방문 기록·결과)</a> · <a id="download-xlsx" href="{baseUrl}/worklist.xlsx">엑셀(XLSX) 내려받기</a> · <a id="download-csv" href="{baseUrl}/worklist.csv">CSV 내려받기</a></p>
            <h2 class="noprint">결과 올리기</h2>
            <p class="noprint">내려받은 워크리스트의 마지막 두 열(결과코드: 엑셀 목록의 지원·기초생활보장·긴급지원·서비스연계·비대상·연락불가 등, 확인일자: 2026-10-15처럼 날짜)을 채워 올려 주세요.
            아직 적지 않은 행은 미작성으로 집계되고, 이미 올린 결과를 바꾸려면 '정정' 열을 더해 Y를 적어 주세요.</p>
            <form method="post" action="{baseUrl}/outcomes" enctype="multipart/form-data" class="block noprint">
              {token}
              <label for="file">결과 파일 (CSV 또는 XLSX)</label><input id="file" name="file" type="file" accept=".csv,.xlsx" required>
              <p><button type="submit" id="upload">올리기</button></p>
            </form>
            {Uploads(uploads)}
            <h2>대상자 목록</h2>
            {Filter(baseUrl, query)}
            <p id="count">조건에 맞는 대상자 {page.Matching:N0}명 (전체 {page.Total:N0}명) · {page.Page:N0}/{page.Pages:N0}쪽</p>
            <div class="scroll"><table id="due"><thead><tr><th>워크리스트ID</th><th>유형</th><th>위험등급</th><th>순위</th><th>성명</th><th>회신</th><th>회신 기한</th></tr></thead><tbody>{Rows(list, page)}</tbody></table></div>
            {Pager(baseUrl, query, page)}
            """;
    }

    private static string Banner(DateOnly dispatched, Deadline deadline, int stillDue) => deadline.Overdue && stillDue > 0
        ? $"<p id=\"deadline\" class=\"overdue\" role=\"alert\">회신 기한 {deadline.Due:yyyy-MM-dd}이 {-deadline.DaysLeft:N0}일 지났습니다 ({deadline.Label}): 아직 회신하지 않은 대상자 {stillDue:N0}명 (배부일 {dispatched:yyyy-MM-dd})</p>"
        : $"<p id=\"deadline\" class=\"notice\">배부일 {dispatched:yyyy-MM-dd} · 회신 기한 {deadline.Due:yyyy-MM-dd} ({deadline.Label})</p>";

    private static string Uploads(IReadOnlyList<UploadRecord> uploads)
    {
        if (uploads.Count == 0)
        {
            return "<p id=\"uploads\" class=\"noprint\">이 분기에 올린 결과 파일이 아직 없습니다.</p>";
        }

        var rows = string.Concat(uploads.Select(u =>
            $"<tr><td><a href=\"/officer/uploads/{u.Id}\">{u.At.ToOffset(KoreanTime.Offset):yyyy-MM-dd HH:mm}</a></td><td>{Html.E(u.UserName)}</td><td>{Html.E(u.FileName)}</td><td>{u.Rows.Count:N0}</td><td>{u.Accepted:N0}</td><td>{u.Rejected:N0}</td><td>{u.Pending:N0}</td></tr>"));
        return $"""
            <h2 class="noprint">올린 결과 파일</h2>
            <div class="scroll noprint"><table id="uploads"><thead><tr><th>올린 시각</th><th>담당자</th><th>파일</th><th>행</th><th>반영</th><th>거부</th><th>미작성</th></tr></thead><tbody>{rows}</tbody></table></div>
            """;
    }

    private static string Filter(string baseUrl, WorklistQuery query)
    {
        static string Select(string name, string label, string current, IEnumerable<(string Value, string Label)> options) =>
            $"<label>{label} <select name=\"{name}\">{string.Concat(options.Select(o => $"<option value=\"{Html.E(o.Value)}\"{(o.Value == current ? " selected" : "")}>{Html.E(o.Label)}</option>"))}</select></label>";
        var status = query.Status switch { WorklistStatus.Reported => "reported", WorklistStatus.All => "all", _ => "due" };
        return $"""
            <form method="get" action="{baseUrl}" id="filter" class="filter noprint">
              <label>검색 <input name="q" type="search" maxlength="50" value="{Html.E(query.Search)}" placeholder="성명 또는 워크리스트ID"></label>
              {Select("variant", "유형", query.Variant, [("", "전체"), ("위기가구", "위기가구"), ("위기아동", "위기아동"), ("고독사위험", "고독사위험")])}
              {Select("grade", "위험등급", query.Grade, [("", "전체"), ("상", "상"), ("중", "중"), ("하", "하")])}
              {Select("rank", "순위", query.RankBand, [("", "전체"), .. WorklistQuery.RankBands.Select(b => (b.Key, b.Label))])}
              {Select("status", "회신", status, [("due", "미회신"), ("reported", "회신 완료"), ("all", "전체")])}
              <label><input type="checkbox" name="overdue" value="1"{(query.OverdueOnly ? " checked" : "")}> 기한 지난 대상자만</label>
              {Select("sort", "정렬", query.Sort, WorklistQuery.Sorts.Select(s => (s.Key, s.Label)))}
              {Select("dir", "순서", query.Descending ? "desc" : "", [("", "오름차순"), ("desc", "내림차순")])}
              <button type="submit" id="apply">조회</button> <a href="{baseUrl}">조건 지우기</a>
            </form>
            """;
    }

    private static string Rows(QuarterWorklist list, WorklistPage page)
    {
        if (page.Rows.Count == 0)
        {
            return "<tr><td colspan=\"7\">조건에 맞는 대상자가 없습니다.</td></tr>";
        }

        return string.Concat(page.Rows.Select(r =>
            $"<tr><td>{Html.E(r.WorklistId)}</td><td>{Html.E(r.VariantName)}</td><td>{Html.E(r.RiskBand)}</td><td>{r.SigunguRank:N0}</td><td class=\"name\">{Html.E(r.Name)}</td><td>{(list.Reported.Contains(r.WorklistId) ? "회신 완료" : "미회신")}</td><td>{r.OutcomeDue:yyyy-MM-dd}</td></tr>"));
    }

    private static string Pager(string baseUrl, WorklistQuery query, WorklistPage page)
    {
        if (page.Pages == 1)
        {
            return "";
        }

        var links = new StringBuilder("<nav id=\"pager\" class=\"pager noprint\" aria-label=\"쪽\">");
        void Link(int to, string label, string? rel = null)
        {
            links.Append(to == page.Page
                ? string.Create(CultureInfo.InvariantCulture, $"<strong aria-current=\"page\">{Html.E(label)}</strong> ")
                : string.Create(CultureInfo.InvariantCulture, $"<a href=\"{baseUrl}{Html.E(query.ToQueryString(to))}\"{(rel is null ? "" : $" rel=\"{rel}\"")}>{Html.E(label)}</a> "));
        }

        if (page.Page > 1)
        {
            Link(1, "처음");
            Link(page.Page - 1, "이전", "prev");
        }

        for (var p = Math.Max(1, page.Page - 4); p <= Math.Min(page.Pages, page.Page + 4); p++)
        {
            Link(p, p.ToString(CultureInfo.InvariantCulture));
        }

        if (page.Page < page.Pages)
        {
            Link(page.Page + 1, "다음", "next");
            Link(page.Pages, "마지막");
        }

        return links.Append("</nav>").ToString();
    }
}
