using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Postgres;
using BlindSpot.Dispatch.Worklists;

namespace BlindSpot.Portal.Worklists;

/// <summary>
/// Worklists from Dispatch's PostgreSQL store (<c>blindspot dispatch --postgres</c>): the 시군구's entries are read and
/// written with Dispatch's own CSV/XLSX writers into a temporary file that is deleted when the download stream closes,
/// so the official gets exactly the file the file store would have written.
/// </summary>
public sealed class PostgresWorklistSource(PostgresWorklistStore store, ReportedOutcomes reported, PortalOptions options) : IWorklistSource
{
    public Task<IReadOnlyList<Quarter>> QuartersOfAsync(string sigungu, CancellationToken ct) => store.QuartersAsync(sigungu, ct);

    public async Task<QuarterWorklist?> ReadAsync(Quarter quarter, string sigungu, CancellationToken ct)
    {
        var entries = await store.ReadEntriesAsync(quarter, sigungu, ct).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return null;
        }

        var rows = entries.Select(e => new WorklistRow(e.WorklistId, WorklistColumns.VariantName(e.Variant), e.RiskBand, e.SigunguRank, e.Name, e.OutcomeDue)
        {
            Reasons = e.Reasons, Members = e.OtherMembers, PreviousQuarters = e.PreviousDispatches, Address = e.Address, Phone = e.Phone,
        }).ToList();
        return new QuarterWorklist(quarter.ToString(), sigungu, rows, reported.Of(quarter, sigungu));
    }

    public async Task<Stream?> OpenAsync(Quarter quarter, string sigungu, WorklistFormat format, CancellationToken ct)
    {
        var entries = await store.ReadEntriesAsync(quarter, sigungu, ct).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return null;
        }

        var folder = Path.Combine(options.PortalFolder, "outgoing");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + (format == WorklistFormat.Xlsx ? ".xlsx" : ".csv"));
        if (format == WorklistFormat.Xlsx)
        {
            WorklistXlsxWriter.Write(path, entries);
        }
        else
        {
            WorklistCsvWriter.Write(path, entries);
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, FileOptions.DeleteOnClose);
    }
}
