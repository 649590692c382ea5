using System.Globalization;
using BlindSpot.Core.Csv;
using BlindSpot.Core.Files;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Register;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// Imports an outcome upload for a quarter: every row checked against the quarter's dispatch register and own-discovery register (the person was
/// dispatched, in that 시군구, for that variant), the code and the date; rows that change the record appended to the
/// history, the labels rebuilt (latest answer wins), and a per-row report written beside the kept copy of the upload.
/// Imports of one 시군구 run one at a time across processes, imports of different 시군구 at once; each commits (id,
/// report, history, labels) under the quarter's short commit lock (<see cref="ImportLock"/>), so ids are unique, no
/// label is lost and the labels are those sequential imports would give; the file is read as a stream within <see cref="OutcomeImportLimits"/>, and refused as a whole
/// (<see cref="OutcomeFileException"/>) before anything is written.
/// </summary>
public sealed class OutcomeImporter(Pseudonymizer pseudonymizer, TimeProvider time)
{
    /// <param name="sigungu">The uploading official's 시군구; rows for any other are answered as "not on your worklist". Null for a central import.</param>
    /// <param name="limits">Rows, cells and sizes allowed; <see cref="OutcomeImportLimits.Default"/> when null.</param>
    public async Task<OutcomeImportResult> ImportAsync(
        DataRoot root, Quarter quarter, string file, string? sigungu = null, CancellationToken ct = default, OutcomeImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        limits ??= OutcomeImportLimits.Default;
        limits.Validate();
        // The people the 시군구 vouched for as own-discovery cases are on record beside the dispatched ones.
        var register = DispatchRegister.Read(root.PastDispatches(quarter));
        register.AddRange(DispatchRegister.Read(root.OwnDiscoveries(quarter)));
        if (register.Count == 0)
        {
            throw new InvalidOperationException($"{root.PastDispatches(quarter)}: {quarter} has no dispatch register, so there is nothing to report outcomes on; check the quarter.");
        }

        var folder = Path.Combine(root.OutcomesFolder(quarter), "imports");
        // One 시군구's imports run one at a time (they answer about the same people); different 시군구 run at once. A
        // central import may name anyone, so it holds every 시군구 of the register.
        var sigungus = sigungu is null ? register.Select(e => e.SigunguCode) : [sigungu];
        var held = await ImportLock.AcquireAllAsync(Path.Combine(folder, "locks"), sigungus.Select(s => s + ".lock"), ct).ConfigureAwait(false);
        try
        {
            var historyPath = Path.Combine(root.OutcomesFolder(quarter), "outcome-history.csv");
            // Rows of other 시군구 may be being appended meanwhile: Read stops at the last complete line, and this
            // import's people are all in the 시군구 it holds, so their answers on record are all there.
            var onRecord = OutcomeHistory.Read(historyPath).GroupBy(h => h.Key).ToDictionary(g => g.Key, g => g.Last());
            var checker = new OutcomeRowChecker(quarter, sigungu, register, onRecord, PendingId, KoreanTime.Today(time));
            var results = new List<OutcomeRowResult>();
            foreach (var row in UploadReader.Read(file, limits))
            {
                ct.ThrowIfCancellationRequested();
                results.Add(checker.Check(row));
            }

            return await CommitAsync(root, quarter, file, folder, historyPath, checker, results, ct).ConfigureAwait(false);
        }
        finally
        {
            foreach (var l in held)
            {
                l.Dispose();
            }
        }
    }

    /// <summary>Under the quarter's short commit lock: the id, the kept copy, the report, the history rows and the labels.</summary>
    private async Task<OutcomeImportResult> CommitAsync(
        DataRoot root, Quarter quarter, string file, string folder, string historyPath, OutcomeRowChecker checker, List<OutcomeRowResult> results, CancellationToken ct)
    {
        using var commit = await ImportLock.AcquireAsync(folder, ImportLock.CommitFile, ct).ConfigureAwait(false);
        var importId = NextId(folder);
        var append = checker.ToAppend.Select(r => r with { ImportId = importId }).ToList();
        Keep(file, Path.Combine(folder, $"{importId}-{Path.GetFileName(file)}"));
        var reportPath = Path.Combine(folder, $"{importId}.report.csv");
        WriteReport(reportPath, results);
        OutcomeHistory.Append(historyPath, append);
        if (append.Count > 0 || !File.Exists(root.Labels(quarter)))
        {
            await LabelsFile.WriteAsync(root.Labels(quarter), OutcomeHistory.Read(historyPath), pseudonymizer, ct).ConfigureAwait(false);
        }

        return new OutcomeImportResult(file, quarter.ToString(), results, checker.Corrections, reportPath, root.Labels(quarter)) { ImportId = importId };
    }

    /// <summary>Stands for the import's id until it commits; never written.</summary>
    private const string PendingId = "pending";

    /// <summary>One more than the highest id of a report in the folder; called under the commit lock, so two imports never share one.</summary>
    private static string NextId(string folder)
    {
        var highest = Directory.EnumerateFiles(folder, "*.report.csv")
            .Select(p => Path.GetFileName(p).Split('.')[0])
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .DefaultIfEmpty(0).Max();
        return (highest + 1).ToString("D4", CultureInfo.InvariantCulture);
    }

    private static void Keep(string file, string copy)
    {
        using var from = File.OpenRead(file);
        using var to = PrivateFiles.Create(copy);
        from.CopyTo(to);
    }

    private static void WriteReport(string path, IEnumerable<OutcomeRowResult> results)
    {
        using var csv = CsvFiles.CreatePrivate(path, CsvFiles.ForExcel);
        csv.WriteHeader(["line", "status", "field", "message", "worklist_id"]);
        foreach (var r in results)
        {
            csv.WriteField(r.Line);
            csv.WriteField(r.Status);
            csv.WriteField(r.Field ?? "");
            csv.WriteField(r.Message);
            csv.WriteField(r.WorklistId ?? "");
            csv.EndRecord();
        }
    }
}
