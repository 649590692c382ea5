using BlindSpot.Core.Files;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Dispatch.Worklists;

/// <summary>
/// The embedded default store: <c>worklists/&lt;Q&gt;/&lt;sigungu&gt;.csv</c> and <c>.xlsx</c>, one pair per 시군구. The quarter's folder is built
/// beside the old one and swapped in, so a failed dispatch leaves the previous worklists as they were. Given
/// <c>everySigungu</c>, a 시군구 with nobody selected gets its pair too, with the header and no rows, so "nobody this
/// quarter" never looks like "file missing".
/// </summary>
public sealed class FileWorklistStore(DataRoot root, IReadOnlyCollection<string>? everySigungu = null) : IWorklistStore
{
    public string Describe(Quarter quarter) => root.WorklistFolder(quarter);

    public string Destination => "files";

    public Task ReplaceQuarterAsync(Quarter quarter, IReadOnlyList<WorklistEntry> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var folder = root.WorklistFolder(quarter);
        var staging = folder + ".staging";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        // Worklists name people: the quarter's folder and its files are owner-only (the staging folder becomes the folder).
        PrivateFiles.CreateFolder(staging);
        var groups = entries.GroupBy(e => e.SigunguCode).ToDictionary(g => g.Key, g => (WorklistEntry[])[.. g], StringComparer.Ordinal);
        foreach (var code in everySigungu ?? [])
        {
            groups.TryAdd(code, []);
        }

        foreach (var (code, rows) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            WorklistCsvWriter.Write(Path.Combine(staging, code + ".csv"), rows);
            WorklistXlsxWriter.Write(Path.Combine(staging, code + ".xlsx"), rows);
        }

        var retired = folder + ".retired";
        if (Directory.Exists(retired))
        {
            Directory.Delete(retired, recursive: true);
        }

        if (Directory.Exists(folder))
        {
            Directory.Move(folder, retired);
        }

        Directory.Move(staging, folder);
        if (Directory.Exists(retired))
        {
            Directory.Delete(retired, recursive: true);
        }

        return Task.CompletedTask;
    }
}
