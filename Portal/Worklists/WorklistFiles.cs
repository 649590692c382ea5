using System.Globalization;
using System.Text;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Worklists;
using CsvHelper;

namespace BlindSpot.Portal.Worklists;

/// <summary>
/// The worklists Dispatch's file store wrote under <c>worklists/&lt;Q&gt;/&lt;sigungu&gt;.csv|.xlsx</c>. Every path is built here from a
/// parsed <see cref="Quarter"/>, a 시군구 code the caller has already authorised, and a <see cref="WorklistFormat"/>:
/// never from text of the request.
/// </summary>
public sealed class WorklistFiles(DataRoot root, ReportedOutcomes reported) : IWorklistSource
{
    public Task<IReadOnlyList<Quarter>> QuartersOfAsync(string sigungu, CancellationToken ct) => Task.FromResult(QuartersOf(sigungu));

    public Task<QuarterWorklist?> ReadAsync(Quarter quarter, string sigungu, CancellationToken ct) => Task.FromResult(Read(quarter, sigungu));

    public Task<Stream?> OpenAsync(Quarter quarter, string sigungu, WorklistFormat format, CancellationToken ct) =>
        Task.FromResult<Stream?>(Find(quarter, sigungu, format) is { } path ? File.OpenRead(path) : null);

    /// <summary>Quarters that have a worklist for <paramref name="sigungu"/>, newest first.</summary>
    public IReadOnlyList<Quarter> QuartersOf(string sigungu)
    {
        var folder = Path.Combine(root.Path, "worklists");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetDirectories(folder)
            .Select(Path.GetFileName)
            .Select(name => Quarter.TryParse(name, CultureInfo.InvariantCulture, out var q) ? q : (Quarter?)null)
            .OfType<Quarter>()
            .Where(q => File.Exists(FilePath(q, sigungu, WorklistFormat.Csv)))
            .OrderDescending()];
    }

    /// <summary>The file of a quarter's worklist, or null when Dispatch wrote none for that 시군구.</summary>
    public string? Find(Quarter quarter, string sigungu, WorklistFormat format)
    {
        var path = FilePath(quarter, sigungu, format);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The worklist with the outcomes reported so far, or null when there is none.</summary>
    public QuarterWorklist? Read(Quarter quarter, string sigungu)
    {
        if (Find(quarter, sigungu, WorklistFormat.Csv) is not { } path)
        {
            return null;
        }

        return new QuarterWorklist(quarter.ToString(), sigungu, ReadRows(path), reported.Of(quarter, sigungu));
    }

    private string FilePath(Quarter quarter, string sigungu, WorklistFormat format)
    {
        if (sigungu.Length != 5 || !sigungu.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{sigungu}' is not a 시군구 code (5 digits).", nameof(sigungu));
        }

        return Path.Combine(root.WorklistFolder(quarter), sigungu + (format == WorklistFormat.Xlsx ? ".xlsx" : ".csv"));
    }

    private static List<WorklistRow> ReadRows(string path)
    {
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { HasHeader = true, Mode = CsvMode.Rfc4180, AllowLineBreaksInQuotes = true, Encoding = Encoding.UTF8 }, leaveOpen: true);
        var headers = csv.Headers.Select(h => h.TrimStart('\uFEFF').Trim()).ToList();
        int Column(int index) => headers.IndexOf(WorklistColumns.All[index].Header) is >= 0 and var i ? i : throw new InvalidDataException($"{path}: no {WorklistColumns.All[index].Header} column; the file is not a worklist.");
        var (id, variant, band, rank, name, due) = (Column(0), Column(4), Column(5), Column(6), Column(7), Column(16));
        var (address, phone, reason1, reason2, reason3, members, previous) = (Column(9), Column(10), Column(11), Column(12), Column(13), Column(14), Column(15));
        string Text(int i) => Encoding.UTF8.GetString(csv.GetSpan(i));
        static string[] Split(string text, string by) => text.Length == 0 ? [] : text.Split(by);
        var rows = new List<WorklistRow>();
        while (csv.Read())
        {
            rows.Add(new WorklistRow(Text(id), Text(variant), Text(band), int.Parse(Text(rank), CultureInfo.InvariantCulture), Text(name),
                DateOnly.ParseExact(Text(due), "yyyy-MM-dd", CultureInfo.InvariantCulture))
            {
                Reasons = [.. new[] { Text(reason1), Text(reason2), Text(reason3) }.Where(r => r.Length > 0)],
                Members = Split(Text(members), "; "),
                PreviousQuarters = Split(Text(previous), ", "),
                Address = Text(address),
                Phone = Text(phone),
            });
        }

        return rows;
    }
}
