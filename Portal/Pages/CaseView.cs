using System.Globalization;
using System.Text;
using BlindSpot.Core.Quarters;
using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Worklists;

namespace BlindSpot.Portal.Pages;

/// <summary>The case list, the case page and the printable visit sheet (Korean; plain forms, no script).</summary>
internal static class CaseView
{

    /// <param name="reported">Case ids with an outcome on record (uploaded or recorded here): marked 회신됨 whatever the case's own status.</param>
    public static string List(CaseQuery query, CaseListPage page, IReadOnlyList<string> eupmyeondongs, DateOnly today, IReadOnlySet<string> reported)
    {
        var baseUrl = $"/cases/{query.Quarter}";
        var counts = string.Join(" · ", CaseStatus.All.Select(s => $"{CaseStatus.KoreanName(s)} {page.ByStatus.GetValueOrDefault(s):N0}"));
        var rows = page.Rows.Count == 0
            ? "<tr><td colspan=\"9\">조건에 맞는 사례가 없습니다.</td></tr>"
            : string.Concat(page.Rows.Select(c =>
                $"<tr><td><a href=\"{baseUrl}/{Html.E(c.CaseId)}\">{Html.E(c.CaseId)}</a></td><td class=\"name\">{Html.E(c.Name)}</td><td>{Html.E(c.VariantName)}</td><td>{Html.E(c.RiskBand)}</td><td>{c.SigunguRank:N0}</td>"
                + $"<td>{Html.E(CaseStatus.KoreanName(c.Status))}{(reported.Contains(c.CaseId) ? " · 회신됨" : "")}{(c.ContinuedCare ? " · 지속관리" : "")}{(Consecutive(c) ? " · 연속 발굴" : c.PreviousQuarters.Count > 0 ? " · 반복" : "")}</td><td>{Html.E(c.EupmyeondongCode is { } e ? Eupmyeondongs.Label(e) : "시군구")}</td>"
                + $"<td>{Html.E(CaseOrigin.KoreanName(c.Origin))}</td><td{(c.Due < today && !CaseStatus.IsResult(c.Status) && c.Status != CaseStatus.Closed ? " class=\"overdue\"" : "")}>{c.Due:yyyy-MM-dd} ({Deadline.Of(c.Due, today).Label})</td></tr>"));
        return $"""
            <p id="status-counts">{counts}</p>
            {Filter(baseUrl, query, eupmyeondongs)}
            <p id="count">조건에 맞는 사례 {page.Matching:N0}건 (전체 {page.Total:N0}건) · {page.Page:N0}/{page.Pages:N0}쪽</p>
            <div class="scroll"><table id="cases"><thead><tr><th>사례번호</th><th>성명</th><th>유형</th><th>위험등급</th><th>순위</th><th>진행 상태</th><th>담당</th><th>구분</th><th>회신 기한</th></tr></thead><tbody>{rows}</tbody></table></div>
            {Pager(baseUrl, query, page, eupmyeondongs.Count > 0)}
            """;
    }

    /// <summary>
    /// The quarter's dispatch date (배부일) and reply deadline with D-day, or an overdue banner naming how many of the
    /// officer's cases are past their deadline without a result.
    /// </summary>
    public static string DeadlineBanner(DateOnly dispatched, Deadline deadline, int overdue) => overdue > 0
        ? $"<p id=\"deadline\" class=\"overdue\" role=\"alert\">회신 기한이 지났는데 결과가 없는 사례 {overdue:N0}건 (배부일 {dispatched:yyyy-MM-dd}, 회신 기한 {deadline.Due:yyyy-MM-dd}, {deadline.Label}): <a href=\"?overdue=1\">기한 지난 사례 보기</a></p>"
        : $"<p id=\"deadline\" class=\"notice\">배부일 {dispatched:yyyy-MM-dd} · 회신 기한 {deadline.Due:yyyy-MM-dd} ({deadline.Label})</p>";

    /// <param name="dispatched">The quarter's 배부일, shown for cases that came with the quarter's list (dispatched, carried over).</param>
    public static string Case(CaseRecord c, (string Address, string Phone) contacts, IReadOnlyList<CaseEvent> history, IReadOnlyList<CaseRecord> earlier, IReadOnlyList<string> eupmyeondongs, DateOnly dispatched, Deadline deadline, DateOnly latestVisit, string token, bool feedsLabels, bool reported)
    {
        var url = $"/cases/{c.Quarter}/{c.CaseId}";
        var reasons = c.Reasons.Count == 0 ? "<li>(사유 없음)</li>" : string.Concat(c.Reasons.Select(r => $"<li>{Html.E(r)}</li>"));
        var members = c.Members.Count == 0 ? "<p>(가구원 정보 없음)</p>" : $"<ul id=\"members\">{string.Concat(c.Members.Select(m => $"<li>{Html.E(m)}</li>"))}</ul>";
        var past = string.Concat(c.PreviousQuarters.Select(q => $"<li>{Html.E(q)} 발굴</li>"))
            + string.Concat(earlier.Select(o => $"<li><a href=\"/cases/{o.Quarter}/{Html.E(o.CaseId)}\">{Html.E(o.Quarter)}</a> {Html.E(o.VariantName)}: {Html.E(CaseStatus.KoreanName(o.Status))}</li>"));
        return $"""
            <p id="case-status" class="notice">진행 상태: <strong>{Html.E(CaseStatus.KoreanName(c.Status))}</strong> · {Html.E(c.VariantName)}{(c.Origin == CaseOrigin.Report ? "" : $" 위험등급 {Html.E(c.RiskBand)} · 순위 {c.SigunguRank:N0}")} · {Html.E(CaseOrigin.KoreanName(c.Origin))}
            · 담당 {Html.E(c.EupmyeondongCode is { } e ? Eupmyeondongs.Label(e) : "시군구")}{(c.Origin is CaseOrigin.Dispatch or CaseOrigin.Continued ? $" · 배부일 {dispatched:yyyy-MM-dd}" : "")} · <span id="case-deadline"{(deadline.Overdue && !CaseStatus.IsResult(c.Status) && c.Status != CaseStatus.Closed ? " class=\"overdue\"" : "")}>회신 기한 {deadline.Due:yyyy-MM-dd} ({deadline.Label})</span>{(c.ContinuedCare ? " · <strong>지속관리</strong>" : "")}{(Consecutive(c) ? " · <strong>연속 발굴</strong>" : "")}</p>
            <p class="noprint"><a id="visit-sheet" href="{url}/sheet">방문 기록지 인쇄</a> · <a href="/cases/{c.Quarter}">사례 목록</a></p>
            <h2>발굴 사유</h2><ol id="reasons">{reasons}</ol>
            <h2>가구원</h2>{members}
            <h2>연락처</h2><p id="contacts">주소: {Html.E(contacts.Address.Length == 0 ? "(없음)" : contacts.Address)} · 전화: <span class="tel">{Html.E(contacts.Phone.Length == 0 ? "(없음)" : contacts.Phone)}</span></p>
            <h2>이전 분기</h2>{(past.Length == 0 ? "<p>이전에 발굴된 적이 없습니다.</p>" : $"<ul id=\"earlier\">{past}</ul>")}
            <h2>진행 기록</h2>{Timeline(history)}
            {(reported ? "<p id=\"reported\" class=\"notice\">이 사례의 결과가 회신되어 있습니다 (결과 파일 또는 이 화면). 바꾸려면 결과 파일에 '정정' 열을 더해 올려 주세요.</p>" : "")}
            {StatusForm(url, c, latestVisit, token, feedsLabels)}
            {AssignForm(url, c, eupmyeondongs, token)}
            <form method="post" action="{url}/continued" class="block noprint" id="continued-form">{token}<input type="hidden" name="on" value="{(c.ContinuedCare ? "0" : "1")}"><button type="submit" id="continued">{(c.ContinuedCare ? "지속관리 해제" : "지속관리 지정")}</button></form>
            """;
    }

    public static string Sheet(CaseRecord c, (string Address, string Phone) contacts, string sigungu) => $"""
        <div class="sheet">
        <p>{Html.E(sigungu)} · {Html.E(c.Quarter)} · 사례번호 {Html.E(c.CaseId)} · {Html.E(c.VariantName)} 위험등급 {Html.E(c.RiskBand)}</p>
        <table id="sheet"><tbody>
        <tr><th>성명</th><td>{Html.E(c.Name)}</td></tr>
        <tr><th>주소</th><td>{Html.E(contacts.Address)}</td></tr>
        <tr><th>전화</th><td class="tel">{Html.E(contacts.Phone)}</td></tr>
        <tr><th>가구원</th><td>{Html.E(string.Join(", ", c.Members))}</td></tr>
        <tr><th>발굴 사유</th><td>{string.Join("<br>", c.Reasons.Select(Html.E))}</td></tr>
        <tr><th>회신 기한</th><td>{c.Due:yyyy-MM-dd}</td></tr>
        <tr><th>방문 일시</th><td class="blank"></td></tr>
        <tr><th>만난 사람</th><td class="blank"></td></tr>
        <tr><th>상담 내용</th><td class="blank tall"></td></tr>
        <tr><th>결과</th><td>□ 지원 연계 □ 비대상 □ 연락불가 □ 계속 상담</td></tr>
        <tr><th>담당자 서명</th><td class="blank"></td></tr>
        </tbody></table>
        </div>
        <p class="noprint"><a href="/cases/{c.Quarter}/{Html.E(c.CaseId)}">사례로 돌아가기</a></p>
        """;

    /// <summary>Flagged in the quarter right before this one too (연속 발굴).</summary>
    public static bool Consecutive(CaseRecord c) =>
        BlindSpot.Core.Quarters.Quarter.TryParse(c.Quarter, CultureInfo.InvariantCulture, out var q) && c.PreviousQuarters.Contains(q.Previous.ToString());

    private static string Timeline(IReadOnlyList<CaseEvent> history) =>
        $"<div class=\"scroll\"><table id=\"timeline\"><thead><tr><th>일시</th><th>담당자</th><th>내용</th><th>상태</th><th>방법</th><th>메모</th></tr></thead><tbody>"
        + string.Concat(history.Select(e =>
            $"<tr><td>{e.At.ToOffset(KoreanTime.Offset):yyyy-MM-dd HH:mm}</td><td>{Html.E(e.UserName)}</td><td>{Html.E(Kind(e))}</td><td>{Html.E(CaseStatus.KoreanName(e.Status))}</td><td>{Html.E(e.Channel)}</td><td>{Html.E(e.Note)}</td></tr>"))
        + "</tbody></table></div>";

    private static string Kind(CaseEvent e) => e.Kind switch
    {
        CaseEvent.Created => "사례 등록",
        CaseEvent.Assignment => e.EupmyeondongCode is { } emd ? $"{Eupmyeondongs.Label(emd)}에 배정" : "시군구로 회수",
        CaseEvent.StatusChange => "상태 변경",
        CaseEvent.NoteOnly => "기록",
        CaseEvent.Continued => "지속관리",
        CaseEvent.Report => "신고 접수",
        _ => e.Kind,
    };

    private static string StatusForm(string url, CaseRecord c, DateOnly today, string token, bool feedsLabels)
    {
        var next = CaseStatus.Next(c.Status);
        var options = $"<option value=\"{c.Status}\" selected>{Html.E(CaseStatus.KoreanName(c.Status))} (기록만)</option>"
            + string.Concat(next.Select(s => $"<option value=\"{s}\">{Html.E(CaseStatus.KoreanName(s))}</option>"));
        var channels = "<option value=\"\">-</option>" + string.Concat(CaseEvent.Channels.Select(ch => $"<option value=\"{Html.E(ch)}\">{Html.E(ch)}</option>"));
        return $"""
            <h2 class="noprint">방문·연락 기록과 상태 변경</h2>
            <form method="post" action="{url}/status" class="block noprint" id="status-form">
              {token}
              <label>진행 상태 <select name="status" id="status">{options}</select></label>
              <label>방법 <select name="channel" id="channel">{channels}</select></label>
              <label>확인일자 <input type="date" name="date" id="date" value="{today:yyyy-MM-dd}" max="{today:yyyy-MM-dd}"></label>
              <label>메모 <textarea name="note" id="note" maxlength="{CaseEvent.MaxNoteLength}" rows="3"></textarea></label>
              <p id="result-note">{ResultNote(c, feedsLabels)}</p>
              <p><button type="submit" id="save-status">저장</button></p>
            </form>
            """;
    }

    /// <summary>What recording a result does for this case: reported like an upload row, or kept on the case only.</summary>
    private static string ResultNote(CaseRecord c, bool feedsLabels) => (c.Origin, feedsLabels) switch
    {
        (CaseOrigin.Dispatch, _) => "지원 연계·비대상·연락불가를 고르면 결과가 회신되어 결과 파일을 올린 것과 똑같이 반영됩니다.",
        (_, true) => $"지원 연계·비대상·연락불가를 고르면 결과가 회신되어 학습 라벨에 반영됩니다 ({CaseOrigin.KoreanName(c.Origin)} 사례로 표시되어, 발굴 명단의 결과와 구분됩니다).",
        _ => "이 사례의 대상자가 이번 분기 관할 주민 명부에 없어, 결과는 이 사례에만 기록됩니다 (모형의 학습 라벨에는 들어가지 않습니다).",
    };

    private static string AssignForm(string url, CaseRecord c, IReadOnlyList<string> eupmyeondongs, string token)
    {
        if (eupmyeondongs.Count == 0)
        {
            return "";
        }

        var options = $"<option value=\"\">시군구 (배정 안 함)</option>"
            + string.Concat(eupmyeondongs.Select(e => $"<option value=\"{e}\"{(e == c.EupmyeondongCode ? " selected" : "")}>{Html.E(Eupmyeondongs.Label(e))}</option>"));
        return $"""
            <form method="post" action="{url}/assign" class="block noprint" id="assign-form">
              {token}
              <label>읍면동 배정 <select name="eupmyeondong" id="eupmyeondong">{options}</select></label>
              <button type="submit" id="assign">배정</button>
            </form>
            """;
    }

    private static string Filter(string baseUrl, CaseQuery q, IReadOnlyList<string> eupmyeondongs)
    {
        static string Select(string name, string label, string current, IEnumerable<(string Value, string Label)> options) =>
            $"<label>{label} <select name=\"{name}\" id=\"filter-{name}\">{string.Concat(options.Select(o => $"<option value=\"{Html.E(o.Value)}\"{(o.Value == current ? " selected" : "")}>{Html.E(o.Label)}</option>"))}</select></label>";
        var emd = eupmyeondongs.Count == 0 ? "" : Select("emd", "읍면동", q.Eupmyeondong, [("", "전체"), ("-", "미배정(시군구)"), .. eupmyeondongs.Select(e => (e, Eupmyeondongs.Label(e)))]);
        return $"""
            <form method="get" action="{baseUrl}" id="filter" class="filter noprint">
              <label>검색 <input name="q" type="search" maxlength="50" value="{Html.E(q.Search)}" placeholder="성명 또는 사례번호"></label>
              {Select("variant", "유형", q.Variant, [("", "전체"), ("위기가구", "위기가구"), ("위기아동", "위기아동"), ("고독사위험", "고독사위험")])}
              {Select("grade", "위험등급", q.Grade, [("", "전체"), ("상", "상"), ("중", "중"), ("하", "하")])}
              {emd}
              {Select("status", "진행 상태", q.Status, [("", "전체"), ("open", "진행 중"), .. CaseStatus.All.Select(s => (s, CaseStatus.KoreanName(s)))])}
              {Select("reason", "사유", q.ReasonKind, [("", "전체"), .. ReasonKinds.All.Select(k => (k.Key, k.Label))])}
              {Select("origin", "구분", q.Origin, [("", "전체"), (CaseOrigin.Dispatch, "발굴 명단"), (CaseOrigin.OwnDiscovery, "자체 발굴"), (CaseOrigin.Report, "신고"), (CaseOrigin.Continued, "지속관리 이월")])}
              <label><input type="checkbox" name="overdue" value="1"{(q.OverdueOn is null ? "" : " checked")}> 기한 지남</label>
              <label><input type="checkbox" name="repeat" value="1"{(q.RepeatOnly ? " checked" : "")}> 반복 발굴</label>
              <label><input type="checkbox" name="continued" value="1"{(q.ContinuedOnly ? " checked" : "")}> 지속관리</label>
              {Select("sort", "정렬", q.Sort, CaseQuery.Sorts.Select(s => (s.Key, s.Label)))}
              {Select("dir", "순서", q.Descending ? "desc" : "", [("", "오름차순"), ("desc", "내림차순")])}
              <button type="submit" id="apply">조회</button> <a href="{baseUrl}">조건 지우기</a>
            </form>
            """;
    }

    private static string Pager(string baseUrl, CaseQuery q, CaseListPage page, bool withEupmyeondong)
    {
        if (page.Pages == 1)
        {
            return "";
        }

        var links = new StringBuilder("<nav id=\"pager\" class=\"pager noprint\" aria-label=\"쪽\">");
        for (var p = Math.Max(1, page.Page - 4); p <= Math.Min(page.Pages, page.Page + 4); p++)
        {
            links.Append(p == page.Page
                ? string.Create(CultureInfo.InvariantCulture, $"<strong aria-current=\"page\">{p}</strong> ")
                : string.Create(CultureInfo.InvariantCulture, $"<a href=\"{baseUrl}{Html.E(CaseListQuery.ToQueryString(q, withEupmyeondong, p))}\">{p}</a> "));
        }

        if (page.Page < page.Pages)
        {
            links.Append(CultureInfo.InvariantCulture, $"<a href=\"{baseUrl}{Html.E(CaseListQuery.ToQueryString(q, withEupmyeondong, page.Page + 1))}\" rel=\"next\">다음</a>");
        }

        return links.Append("</nav>").ToString();
    }
}
