using System.Globalization;
using System.Text;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Register;
using BlindSpot.Portal.Uploads;
using BlindSpot.Portal.Worklists;

namespace BlindSpot.Portal.Cases;

/// <summary>
/// The portal's casework over <see cref="ICaseStore"/>: a quarter's dispatched worklist becomes cases the first time a
/// 시군구's cases are asked for (safe to rerun: cases are added by id), and a result recorded on a case reaches the labels
/// through the very path an upload takes (<see cref="OutcomeUploads"/>, Dispatch's importer), so the two cannot differ.
/// </summary>
public sealed class CaseBook(ICaseStore store, IWorklistSource worklists, OutcomeUploads uploads, DataRoot root, Pseudonymizer pseudonymizer, TimeProvider time)
{
    /// <summary>The name the store records for cases made from a worklist.</summary>
    public const string System = "system";

    public ICaseStore Store => store;

    /// <summary>Makes the quarter's worklist entries of <paramref name="sigungu"/> cases if they are not yet; false when there is no worklist.</summary>
    public async Task<bool> EnsureAsync(Quarter quarter, string sigungu, CancellationToken ct)
    {
        if (await store.CountAsync(quarter.ToString(), sigungu, CaseOrigin.Dispatch, ct).ConfigureAwait(false) > 0)
        {
            return true;
        }

        if (await worklists.ReadAsync(quarter, sigungu, ct).ConfigureAwait(false) is not { } list)
        {
            return false;
        }

        var keys = DispatchedPeople.KeysByWorklistId(root, quarter, sigungu, pseudonymizer);
        var cases = list.Rows.Select(r => new CaseRecord
        {
            CaseId = r.WorklistId,
            Quarter = quarter.ToString(),
            SigunguCode = sigungu,
            PersonKey = keys.TryGetValue(r.WorklistId, out var key) ? key : null,
            VariantName = r.VariantName,
            RiskBand = r.RiskBand,
            SigunguRank = r.SigunguRank,
            Name = r.Name,
            Due = r.OutcomeDue,
            // The lonely-death list is for continued management by design (조기 발굴, 지속관리).
            ContinuedCare = r.VariantName == "고독사위험",
            Reasons = r.Reasons,
            Members = r.Members,
            PreviousQuarters = r.PreviousQuarters,
        }).ToList();
        cases.AddRange(await CarriedOverAsync(quarter, sigungu, cases, ct).ConfigureAwait(false));
        await store.AddAsync(cases, System, time.GetUtcNow(), ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The quarter before's cases under continued management not closed yet, as new cases of <paramref name="quarter"/>
    /// (<see cref="CaseOrigin.Continued"/>, same 읍면동, numbered K-000001… by the old case id), except people already on
    /// this quarter's list, whose new case takes the mark instead.
    /// </summary>
    private async Task<IEnumerable<CaseRecord>> CarriedOverAsync(Quarter quarter, string sigungu, List<CaseRecord> dispatched, CancellationToken ct)
    {
        var before = quarter.Previous;
        var page = await store.ListAsync(new CaseQuery { Quarter = before.ToString(), SigunguCode = sigungu, ContinuedOnly = true, Sort = "id" }, ct).ConfigureAwait(false);
        var open = new List<CaseRecord>();
        for (var p = 1; p <= page.Pages; p++)
        {
            var rows = p == 1 ? page.Rows : (await store.ListAsync(new CaseQuery { Quarter = before.ToString(), SigunguCode = sigungu, ContinuedOnly = true, Sort = "id", Page = p }, ct).ConfigureAwait(false)).Rows;
            open.AddRange(rows.Where(c => c.Status != CaseStatus.Closed));
        }

        var byPerson = dispatched.Where(c => c.PersonKey is not null).ToDictionary(c => c.PersonKey!.Value);
        var carried = new List<CaseRecord>();
        foreach (var old in open)
        {
            if (old.PersonKey is { } key && byPerson.TryGetValue(key, out var again))
            {
                dispatched[dispatched.IndexOf(again)] = again with { ContinuedCare = true, EupmyeondongCode = old.EupmyeondongCode };
                continue;
            }

            carried.Add(old with
            {
                CaseId = string.Create(CultureInfo.InvariantCulture, $"{quarter}-{sigungu}-{CaseIds.Carried}-{carried.Count + 1:D6}"),
                Quarter = quarter.ToString(),
                Origin = CaseOrigin.Continued,
                Status = CaseStatus.Assigned,
                ContinuedCare = true,
                Due = quarter.LastDay.AddDays(60),
                Reasons = [$"지속관리: {before} 사례 {old.CaseId}에서 이월", .. old.Reasons],
                PreviousQuarters = [.. old.PreviousQuarters, before.ToString()],
            });
        }

        return carried;
    }

    /// <summary>
    /// Moves a case to <paramref name="to"/>. A result (지원 연계, 비대상, 연락불가) of a dispatched case is first imported as
    /// a one-row outcome file through <see cref="OutcomeUploads"/> with the officer's 시군구: refused there, the status
    /// stays and the refusal is returned. Null when done.
    /// </summary>
    public async Task<CaseChangeRefusal?> ChangeStatusAsync(CaseRecord c, string to, string channel, string note, DateOnly checkedOn, string userName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (to != c.Status && !CaseStatus.Next(c.Status).Contains(to))
        {
            return new CaseChangeRefusal("invalid-step", $"{CaseStatus.KoreanName(c.Status)}에서 {CaseStatus.KoreanName(to)}(으)로 바로 바꿀 수 없습니다.");
        }

        string? uploadId = null;
        // Dispatched and own-discovery cases are on the quarter's registers; carried-over and reported ones are not (yet).
        if (to != c.Status && CaseStatus.OutcomeOf(to) is { } outcome && c.Origin is CaseOrigin.Dispatch or CaseOrigin.OwnDiscovery)
        {
            var file = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"워크리스트ID,결과코드,확인일자\n{c.CaseId},{outcome},{checkedOn:yyyy-MM-dd}\n"))).ToArray();
            using var content = new MemoryStream(file);
            var quarter = Quarter.Parse(c.Quarter, CultureInfo.InvariantCulture);
            var (record, refusal) = await uploads.ImportAsync(userName, quarter, c.SigunguCode, $"case-{c.CaseId}.csv", content, file.Length, ct).ConfigureAwait(false);
            if (refusal is not null)
            {
                return new CaseChangeRefusal(refusal.Outcome, refusal.Message);
            }

            if (record!.Rows.SingleOrDefault() is not { Accepted: true } row)
            {
                var message = record.Rows.SingleOrDefault() is { } r ? RowMessages.Korean(r, c.Quarter, c.SigunguCode) : "결과를 반영하지 못했습니다.";
                return new CaseChangeRefusal("outcome-rejected", message);
            }

            uploadId = record.Id;
        }

        var text = uploadId is null ? note : (note.Length > 0 ? note + " " : "") + $"(결과 반영: {uploadId})";
        return await store.ChangeStatusAsync(c.CaseId, c.Status, to, channel, text, userName, time.GetUtcNow(), ct).ConfigureAwait(false)
            ? null
            : new CaseChangeRefusal("stale", "다른 담당자가 먼저 상태를 바꿨습니다. 화면을 새로 읽어 확인해 주세요.");
    }
}
