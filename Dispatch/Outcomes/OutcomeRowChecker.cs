using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// The verdict on each uploaded row against the quarter's register: who it names, the code, the date, and how it stands
/// to the rows before it in the file and to the answers already on record. A person outside the uploader's 시군구 gets
/// exactly the answer of a person on no list at all (same field, same words, no worklist id), so an upload can never be
/// used to learn who is flagged elsewhere.
/// </summary>
internal sealed class OutcomeRowChecker(
    Quarter quarter, string? sigungu, IReadOnlyList<RegisterEntry> register, IReadOnlyDictionary<(string, Variant), OutcomeHistoryRow> onRecord, string importId, DateOnly today)
{
    private readonly Dictionary<string, RegisterEntry> byId = register.Where(e => e.WorklistId is { Length: > 0 }).GroupBy(e => e.WorklistId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    private readonly Dictionary<(string, Variant), RegisterEntry> byResident = register.GroupBy(e => (e.ResidentNumber, e.Variant)).ToDictionary(g => g.Key, g => g.First());
    private readonly Dictionary<(string, Variant), OutcomeHistoryRow> inThisFile = [];

    /// <summary>Rows accepted that change the record: appended to the history.</summary>
    public List<OutcomeHistoryRow> ToAppend { get; } = [];

    /// <summary>Accepted rows that replace a different answer on record.</summary>
    public int Corrections { get; private set; }

    public OutcomeRowResult Check(UploadedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var typedId = row.Get("worklist_id");
        OutcomeRowResult Reject(string field, string message, string? id = null) => new(row.Line, false, field, message, id ?? (typedId.Length > 0 ? typedId : null));

        if (row.Problem is { } problem)
        {
            return new OutcomeRowResult(row.Line, false, row.ProblemField, problem, null);
        }

        if (row.Get("outcome").Length == 0 && row.Get("outcome_date").Length == 0)
        {
            return new OutcomeRowResult(row.Line, false, null, "not yet worked: no outcome and no date", typedId.Length > 0 ? typedId : null) { Pending = true };
        }

        if (row.Get("quarter") is { Length: > 0 } rowQuarter && rowQuarter != quarter.ToString())
        {
            return Reject("quarter", $"row is for {rowQuarter}, but this upload is for {quarter}");
        }

        if (Find(row, typedId, out var variantError) is not { } entry)
        {
            return variantError is not null ? Reject("variant", variantError) : Reject(typedId.Length > 0 ? "worklist_id" : "resident_no", NotOnList());
        }

        if (row.Get("sigungu_code") is { Length: > 0 } code && code != entry.SigunguCode)
        {
            return Reject("sigungu_code", sigungu is null ? $"the row says {code}, but the person is on {entry.SigunguCode}'s worklist" : $"the row says {code}, but this upload is for {sigungu}");
        }

        if (OutcomeCode.Parse(row.Get("outcome")) is not { } outcome)
        {
            return Reject("outcome", $"'{row.Get("outcome")}' is not an outcome: use supported, not_eligible or unreachable (or 지원, 비대상, 연락불가), a kind of support (supported_livelihood, supported_emergency, supported_service, supported_private, supported_protection), already_receiving, refused, moved or other (or 기수급, 거부, 전출, 기타)", entry.WorklistId);
        }

        var dateText = row.Get("outcome_date");
        if (!OutcomeDates.TryParse(dateText, out var date))
        {
            return Reject("outcome_date", $"'{dateText}' is not a date: write yyyy-MM-dd (2026/10/22, 2026.10.22 and Excel dates are read too)", entry.WorklistId);
        }

        if (date < quarter.FirstDay || date > quarter.LastDay.AddDays(365) || date > today)
        {
            return Reject("outcome_date", $"{date:yyyy-MM-dd} is not plausible: a visit for {quarter} falls between {quarter.FirstDay:yyyy-MM-dd} and today, within a year of the quarter", entry.WorklistId);
        }

        return Against(row, new OutcomeHistoryRow(importId, row.Line, entry, outcome, date), IsCorrection(row.Get("correction")));
    }

    /// <summary>How the answer stands to the same person and variant earlier in this file and on record.</summary>
    private OutcomeRowResult Against(UploadedRow row, OutcomeHistoryRow answer, bool correction)
    {
        var id = answer.Entry.WorklistId;
        var earlier = inThisFile.TryGetValue(answer.Key, out var inFile) ? inFile : onRecord.GetValueOrDefault(answer.Key);
        var where = inFile is not null ? $"line {inFile.Line}" : earlier is not null ? $"import {earlier.ImportId}" : "";
        if (earlier is not null && earlier.Outcome == answer.Outcome && earlier.OutcomeDate == answer.OutcomeDate)
        {
            var message = inFile is not null ? $"duplicate of line {inFile.Line}: recorded once" : $"already on record ({where}): not added again";
            return new OutcomeRowResult(row.Line, true, null, message, id);
        }

        if (earlier is not null && !correction)
        {
            var what = inFile is not null
                ? $"conflicts with line {inFile.Line} ({earlier.Outcome}, {earlier.OutcomeDate:yyyy-MM-dd})"
                : $"conflicts with the outcome on record ({earlier.Outcome}, {earlier.OutcomeDate:yyyy-MM-dd}, {where})";
            return new OutcomeRowResult(row.Line, false, "outcome", $"{what}: to replace it, mark the row as a correction (정정 column: Y)", id);
        }

        Corrections += earlier is not null ? 1 : 0;
        inThisFile[answer.Key] = answer;
        ToAppend.Add(answer);
        return new OutcomeRowResult(row.Line, true, null, earlier is not null ? $"accepted as a correction of {where}" : "accepted", id);
    }

    private RegisterEntry? Find(UploadedRow row, string typedId, out string? variantError)
    {
        variantError = null;
        RegisterEntry? entry;
        if (typedId.Length > 0)
        {
            entry = byId.GetValueOrDefault(typedId);
        }
        else
        {
            try
            {
                entry = byResident.GetValueOrDefault((row.Get("resident_no"), VariantNames.Parse(row.Get("variant"))));
            }
            catch (FormatException ex)
            {
                variantError = ex.Message;
                return null;
            }
        }

        // Another 시군구's entry is treated as no entry: the caller answers both the same way.
        return entry is not null && (sigungu is null || entry.SigunguCode == sigungu) ? entry : null;
    }

    private string NotOnList() => sigungu is null
        ? $"not on {quarter}'s worklists: check the id against the downloaded worklist"
        : $"not on {sigungu}'s {quarter} worklist: check the id against the downloaded worklist";

    private static bool IsCorrection(string text) => text.Trim().ToLowerInvariant() is "y" or "yes" or "true" or "1" or "o" or "예" or "정정";
}
