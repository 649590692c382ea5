using System.Globalization;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Register;
using BlindSpot.Dispatch.Worklists;
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

    // Late carries number the next carried-over case by counting: one at a time in this process.
    private static readonly SemaphoreSlim CarryGate = new(1, 1);

    public ICaseStore Store => store;

    /// <summary>The data root the cases' quarters were dispatched under (their dispatch calendars, registers).</summary>
    public DataRoot Root => root;

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
        var carried = (await CarriedOverAsync(quarter, sigungu, cases, ct).ConfigureAwait(false)).ToList();
        await store.AddAsync([.. cases, .. carried], System, time.GetUtcNow(), ct).ConfigureAwait(false);
        await RegisterAsync(quarter, carried, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Carries <paramref name="old"/>, just put under continued management, into the next quarter when that quarter's
    /// cases of its 시군구 are already made (else <see cref="EnsureAsync"/> carries it when they are): as a new carried-over
    /// case, or, when the person already has a case there, by marking that one. Safe to repeat: a person (or, without a
    /// pseudonym, an old case) is carried once. Returns the next quarter's case, or null when nothing was to be carried.
    /// </summary>
    public async Task<CaseRecord?> CarryLateAsync(CaseRecord old, string userName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(old);
        var next = Quarter.Parse(old.Quarter, CultureInfo.InvariantCulture).Next;
        if (!old.ContinuedCare || old.Status == CaseStatus.Closed
            || await store.CountAsync(next.ToString(), old.SigunguCode, CaseOrigin.Dispatch, ct).ConfigureAwait(false) == 0)
        {
            return null;
        }

        await CarryGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (await AlreadyCarriedAsync(old, next, ct).ConfigureAwait(false) is { } there)
            {
                if (!there.ContinuedCare)
                {
                    await store.SetContinuedCareAsync(there.CaseId, true, userName, time.GetUtcNow(), ct).ConfigureAwait(false);
                }

                if (there.EupmyeondongCode is null && old.EupmyeondongCode is { } emd)
                {
                    await store.AssignAsync(there.CaseId, emd, userName, time.GetUtcNow(), ct).ConfigureAwait(false);
                }

                return await store.FindAsync(there.CaseId, ct).ConfigureAwait(false);
            }

            var count = await store.CountAsync(next.ToString(), old.SigunguCode, CaseOrigin.Continued, ct).ConfigureAwait(false);
            // Another portal process may take the number first: then the next one. Only a case this call added is put on
            // the register, so a register row never names someone else's case.
            for (var number = count + 1; number <= count + 5; number++)
            {
                var carried = Carry(old, next, number);
                if (await store.AddAsync([carried], userName, time.GetUtcNow(), ct).ConfigureAwait(false) == 1)
                {
                    await RegisterAsync(next, [carried], ct).ConfigureAwait(false);
                    return await store.FindAsync(carried.CaseId, ct).ConfigureAwait(false);
                }
            }

            return null;
        }
        finally
        {
            CarryGate.Release();
        }
    }

    /// <summary>The next quarter's case of the old case's person in its 시군구, or the carried-over case naming the old case.</summary>
    private async Task<CaseRecord?> AlreadyCarriedAsync(CaseRecord old, Quarter next, CancellationToken ct)
    {
        if (old.PersonKey is { } key)
        {
            return (await store.OfPersonAsync(key, ct).ConfigureAwait(false)).FirstOrDefault(c => c.Quarter == next.ToString() && c.SigunguCode == old.SigunguCode);
        }

        var query = new CaseQuery { Quarter = next.ToString(), SigunguCode = old.SigunguCode, Origin = CaseOrigin.Continued, Sort = "id" };
        for (var p = 1; ; p++)
        {
            var page = await store.ListAsync(query with { Page = p }, ct).ConfigureAwait(false);
            if (page.Rows.FirstOrDefault(c => c.Reasons.Count > 0 && c.Reasons[0] == CarriedReason(old)) is { } found)
            {
                return found;
            }

            if (p >= page.Pages)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Puts cases without a worklist row (carried over, 신고) on the quarter's municipal register through Dispatch, which
    /// reads the identity vault, and keeps the contacts it returns: the person must be a resident of the case's 시군구
    /// this quarter. Cases without a pseudonym are left as they are.
    /// </summary>
    public async Task RegisterAsync(Quarter quarter, IReadOnlyList<CaseRecord> cases, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var wanted = cases.Where(c => c.PersonKey is not null && c.Origin is CaseOrigin.Continued or CaseOrigin.Report)
            .Select(c => new MunicipalCase(c.CaseId, c.SigunguCode, c.PersonKey!.Value, VariantOf(c.VariantName), c.Origin == CaseOrigin.Report ? MunicipalRegister.Report : MunicipalRegister.Carried))
            .ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, (string Address, string Phone)> registered;
        try
        {
            registered = await MunicipalRegister.AddAsync(root, quarter, wanted, pseudonymizer, ct).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            // No roster or vault of the quarter here (a portal over worklists only): the cases stand without contacts, and
            // their results stay on the case; a result recorded later tries the register again.
            return;
        }

        foreach (var (caseId, (address, phone)) in registered)
        {
            await store.SetContactsAsync(caseId, address, phone, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether a result recorded on <paramref name="c"/> becomes a label: dispatched and own-discovery cases always (they
    /// are on the quarter's registers), carried-over and reported ones when on the municipal register.
    /// </summary>
    public bool FeedsLabels(CaseRecord c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Origin is CaseOrigin.Dispatch or CaseOrigin.OwnDiscovery
            || MunicipalRegister.Holds(root, Quarter.Parse(c.Quarter, CultureInfo.InvariantCulture), c.CaseId);
    }

    private static Variant VariantOf(string name) => Enum.GetValues<Variant>().FirstOrDefault(v => WorklistColumns.VariantName(v) == name);

    private static string CarriedReason(CaseRecord old) => $"지속관리: {Quarter.Parse(old.Quarter, CultureInfo.InvariantCulture)} 사례 {old.CaseId}에서 이월";

    /// <summary>The old case as carried-over case number <paramref name="number"/> of <paramref name="quarter"/>, due with that quarter's list.</summary>
    private CaseRecord Carry(CaseRecord old, Quarter quarter, int number) => old with
    {
        CaseId = string.Create(CultureInfo.InvariantCulture, $"{quarter}-{old.SigunguCode}-{CaseIds.Carried}-{number:D6}"),
        Quarter = quarter.ToString(),
        Origin = CaseOrigin.Continued,
        Status = CaseStatus.Assigned,
        ContinuedCare = true,
        Due = CaseDue.Carried(root, quarter),
        Reasons = [CarriedReason(old), .. old.Reasons],
        PreviousQuarters = [.. old.PreviousQuarters, old.Quarter],
    };

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

            carried.Add(Carry(old, quarter, carried.Count + 1));
        }

        return carried;
    }

    /// <summary>
    /// Moves a case to <paramref name="to"/>. A result (지원 연계, 비대상, 연락불가) of a case on the quarter's registers
    /// (<see cref="FeedsLabels"/>) is first imported as a one-row outcome file through <see cref="OutcomeUploads"/> with the officer's 시군구: refused there, the status
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
        var quarter = Quarter.Parse(c.Quarter, CultureInfo.InvariantCulture);
        if (to != c.Status && CaseStatus.IsResult(to) && c.Origin is CaseOrigin.Continued or CaseOrigin.Report && !FeedsLabels(c))
        {
            // Made before they were registered, or registered while the register was unreachable: try once more now.
            await RegisterAsync(quarter, [c], ct).ConfigureAwait(false);
        }

        // Dispatched and own-discovery cases are on the quarter's registers; carried-over and reported ones when their
        // person is a resident of the 시군구 this quarter (the municipal register); the others' results stay on the case.
        if (to != c.Status && CaseStatus.OutcomeOf(to) is { } outcome && FeedsLabels(c))
        {
            var file = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"워크리스트ID,결과코드,확인일자\n{c.CaseId},{outcome},{checkedOn:yyyy-MM-dd}\n"))).ToArray();
            using var content = new MemoryStream(file);
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
