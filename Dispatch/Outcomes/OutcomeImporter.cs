using System.Globalization;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Register;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// Imports an outcome upload for a quarter: every row checked against the quarter's dispatch register (the person was
/// dispatched, in that 시군구, for that variant), the code and the date; accepted rows appended to the history, the
/// labels rebuilt (latest answer wins), and a per-row report written beside the kept copy of the upload.
/// </summary>
public sealed class OutcomeImporter(Pseudonymizer pseudonymizer, TimeProvider time)
{
    /// <param name="sigungu">The uploading official's 시군구; rows for any other are refused. Null for a central import.</param>
    public async Task<OutcomeImportResult> ImportAsync(DataRoot root, Quarter quarter, string file, string? sigungu = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var register = DispatchRegister.Read(root.PastDispatches(quarter));
        if (register.Count == 0)
        {
            throw new InvalidOperationException($"{root.PastDispatches(quarter)}: {quarter} has no dispatch register, so there is nothing to report outcomes on; check the quarter.");
        }

        var byId = register.Where(e => e.WorklistId is { Length: > 0 }).ToDictionary(e => e.WorklistId!, StringComparer.Ordinal);
        var byResident = register.GroupBy(e => (e.ResidentNumber, e.Variant)).ToDictionary(g => g.Key, g => g.First());
        var uploaded = UploadReader.Read(file);
        var folder = Path.Combine(root.OutcomesFolder(quarter), "imports");
        Directory.CreateDirectory(folder);
        var importId = (Directory.GetFiles(folder, "*.report.csv").Length + 1).ToString("D4", CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        var results = new List<OutcomeRowResult>();
        var accepted = new List<OutcomeHistoryRow>();
        foreach (var row in uploaded)
        {
            var (result, history) = Check(row, quarter, sigungu, byId, byResident, importId, today);
            results.Add(result);
            if (history is not null)
            {
                accepted.Add(history);
            }
        }

        var historyPath = Path.Combine(root.OutcomesFolder(quarter), "outcome-history.csv");
        var earlier = OutcomeHistory.Read(historyPath).GroupBy(h => h.Key).ToDictionary(g => g.Key, g => g.Last());
        var corrections = accepted.Count(a => earlier.TryGetValue(a.Key, out var before) && (before.Outcome != a.Outcome || before.OutcomeDate != a.OutcomeDate));
        File.Copy(file, Path.Combine(folder, $"{importId}-{Path.GetFileName(file)}"), overwrite: true);
        var reportPath = Path.Combine(folder, $"{importId}.report.csv");
        WriteReport(reportPath, results);
        OutcomeHistory.Append(historyPath, accepted);
        await LabelsFile.WriteAsync(root.Labels(quarter), OutcomeHistory.Read(historyPath), pseudonymizer, ct).ConfigureAwait(false);
        return new OutcomeImportResult(file, quarter.ToString(), results, corrections, reportPath, root.Labels(quarter));
    }

    private static (OutcomeRowResult, OutcomeHistoryRow?) Check(
        UploadedRow row, Quarter quarter, string? sigungu, Dictionary<string, RegisterEntry> byId,
        Dictionary<(string, Variant), RegisterEntry> byResident, string importId, DateOnly today)
    {
        OutcomeRowResult Reject(string field, string message, string? id = null) => new(row.Line, false, field, message, id);

        if (row.Get("quarter") is { Length: > 0 } rowQuarter && rowQuarter != quarter.ToString())
        {
            return (Reject("quarter", $"row is for {rowQuarter}, but this upload is for {quarter}"), null);
        }

        RegisterEntry? entry;
        var worklistId = row.Get("worklist_id");
        if (worklistId.Length > 0)
        {
            entry = byId.GetValueOrDefault(worklistId);
        }
        else
        {
            Variant variant;
            try
            {
                variant = VariantNames.Parse(row.Get("variant"));
            }
            catch (FormatException ex)
            {
                return (Reject("variant", ex.Message), null);
            }

            entry = byResident.GetValueOrDefault((row.Get("resident_no"), variant));
        }

        if (entry is null)
        {
            return (Reject(worklistId.Length > 0 ? "worklist_id" : "resident_no", $"not on {quarter}'s worklists: check the id against the downloaded worklist", worklistId), null);
        }

        if ((sigungu is not null && entry.SigunguCode != sigungu) || (row.Get("sigungu_code") is { Length: > 0 } code && code != entry.SigunguCode))
        {
            return (Reject("sigungu_code", "belongs to another 시군구's worklist: each municipality reports only its own residents", entry.WorklistId), null);
        }

        if (OutcomeCode.Parse(row.Get("outcome")) is not { } outcome)
        {
            return (Reject("outcome", $"'{row.Get("outcome")}' is not an outcome: use supported, not_eligible or unreachable", entry.WorklistId), null);
        }

        var dateText = row.Get("outcome_date");
        if (!DateOnly.TryParseExact(dateText, ["yyyy-MM-dd", "yyyyMMdd", "yyyy.MM.dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (Reject("outcome_date", $"'{dateText}' is not a date: write yyyy-MM-dd", entry.WorklistId), null);
        }

        if (date < quarter.FirstDay || date > quarter.LastDay.AddDays(365) || date > today)
        {
            return (Reject("outcome_date", $"{date:yyyy-MM-dd} is not plausible: a visit for {quarter} falls between {quarter.FirstDay:yyyy-MM-dd} and today, within a year of the quarter", entry.WorklistId), null);
        }

        return (new OutcomeRowResult(row.Line, true, null, "accepted", entry.WorklistId), new OutcomeHistoryRow(importId, row.Line, entry, outcome, date));
    }

    private static void WriteReport(string path, IEnumerable<OutcomeRowResult> results)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
        writer.WriteLine("line,status,field,message,worklist_id");
        foreach (var r in results)
        {
            writer.WriteLine(string.Join(',', r.Line.ToString(CultureInfo.InvariantCulture), r.Accepted ? "accepted" : "rejected", r.Field ?? "", "\"" + r.Message.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", r.WorklistId ?? ""));
        }
    }
}
