using BlindSpot.Core.Files;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Dispatch.Worklists;

/// <summary>
/// The embedded default store: <c>worklists/&lt;Q&gt;/&lt;sigungu&gt;.csv</c> and <c>.xlsx</c>, one pair per 시군구. The quarter's folder is built
/// beside the old one and swapped in, so a failed dispatch leaves the previous worklists as they were.
/// </summary>
public sealed class FileWorklistStore(DataRoot root) : IWorklistStore
{
    public string Describe(Quarter quarter) => root.WorklistFolder(quarter);

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
        foreach (var group in entries.GroupBy(e => e.SigunguCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            WorklistEntry[] rows = [.. group];
            WorklistCsvWriter.Write(Path.Combine(staging, group.Key + ".csv"), rows);
            WorklistXlsxWriter.Write(Path.Combine(staging, group.Key + ".xlsx"), rows);
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
