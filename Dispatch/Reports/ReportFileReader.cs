using System.Text;
using BlindSpot.Core.Keys;
using BlindSpot.Dispatch.Outcomes;
using CsvHelper;

namespace BlindSpot.Dispatch.Reports;

/// <summary>
/// Reads a file of reports (CSV in UTF-8 or CP949, Korean or English headers) and checks every row as
/// <see cref="Check"/> says; a bad row is refused naming file, line and field (never the text it holds), the others
/// read on. Blank lines (separators only) are skipped.
/// </summary>
public static class ReportFileReader
{
    /// <summary>The fields, by every header that names them.</summary>
    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["주민등록번호"] = Fields.ResidentNumber, ["주민번호"] = Fields.ResidentNumber, [Fields.ResidentNumber] = Fields.ResidentNumber,
        ["성명"] = Fields.Name, ["이름"] = Fields.Name, [Fields.Name] = Fields.Name,
        ["주소"] = Fields.Address, [Fields.Address] = Fields.Address,
        ["관찰내용"] = Fields.Observed, ["신고내용"] = Fields.Observed, [Fields.Observed] = Fields.Observed,
        ["신고자구분"] = Fields.ReporterKind, ["신고자"] = Fields.ReporterKind, [Fields.ReporterKind] = Fields.ReporterKind,
        ["신고일자"] = Fields.ReportedOn, ["신고일"] = Fields.ReportedOn, [Fields.ReportedOn] = Fields.ReportedOn,
    };

    /// <summary>A report file holds at most this many rows (a region's reports of a quarter are far fewer).</summary>
    public const int MaxRows = 100_000;

    public static ReportFile Read(string path, DateOnly today)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such report file.", path);
        }

        Encoding encoding;
        try
        {
            encoding = UploadEncoding.Detect(path);
        }
        catch (OutcomeFileException ex)
        {
            throw new ReportFileException(ex.Message, "파일의 문자 인코딩을 읽을 수 없습니다 (UTF-8도 CP949도 아님). 엑셀에서 'CSV UTF-8'로 저장해 올려 주세요.");
        }

        var name = Path.GetFileName(path);
        var reports = new List<CrisisReport>();
        var rejected = new List<ReportRejection>();
        var options = CsvReaderOptions.Default with
        {
            HasHeader = true, Mode = CsvMode.Rfc4180, AllowLineBreaksInQuotes = false, MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => rejected.Add(new ReportRejection(name, record.LineNumber, "line", "a quote (\") is not closed or text follows it; fix the line")),
            TrackLineNumbers = true, MaxRecordSize = 1 << 20, Encoding = encoding,
        };
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, options, leaveOpen: true);
        var columns = Columns(path, csv.Headers.Select(h => h.TrimStart('\uFEFF').Trim()).ToList());
        while (csv.Read())
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < csv.FieldCount && i < columns.Count; i++)
            {
                if (columns[i] is { } field)
                {
                    fields[field] = Encoding.UTF8.GetString(csv.GetSpan(i)).Trim();
                }
            }

            if (fields.Values.All(v => v.Length == 0))
            {
                continue;
            }

            if (reports.Count + rejected.Count >= MaxRows)
            {
                throw new ReportFileException($"{path}: more than {MaxRows:N0} rows; split the file.", $"한 파일에 {MaxRows:N0}행까지 올릴 수 있습니다. 나눠 올려 주세요.");
            }

            var (report, rejection) = Check(fields, csv.LineNumber, name, today);
            if (report is not null)
            {
                reports.Add(report);
            }
            else
            {
                rejected.Add(rejection!);
            }
        }

        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ReportFile(reports, rejected);
    }

    /// <summary>
    /// One report by field name (<see cref="Fields"/>): a valid resident number, or else a name and an address; what was
    /// seen (at most <see cref="CrisisReport.MaxObservedLength"/> characters); a reporter kind of <see cref="ReporterKinds"/>;
    /// the date reported, not after <paramref name="today"/> nor more than a year before it. The API checks its JSON the same way.
    /// </summary>
    public static (CrisisReport? Report, ReportRejection? Rejection) Check(IReadOnlyDictionary<string, string> fields, long line, string file, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        string Get(string field) => fields.TryGetValue(field, out var v) ? v.Trim() : "";
        (CrisisReport?, ReportRejection?) Refuse(string field, string message) => (null, new ReportRejection(file, line, field, message));

        var resident = Get(Fields.ResidentNumber);
        var (name, address, observed) = (Get(Fields.Name), Get(Fields.Address), Get(Fields.Observed));
        if (resident.Length > 0 && ResidentNumber.Validate(resident) is { } problem)
        {
            // The rule only: the number itself never goes into a message.
            return Refuse(Fields.ResidentNumber, problem);
        }

        if (resident.Length == 0 && (name.Length == 0 || address.Length == 0))
        {
            return Refuse(name.Length == 0 ? Fields.Name : Fields.Address, "give the resident number, or else both the name and the address");
        }

        if (name.Length > CrisisReport.MaxTextLength || address.Length > CrisisReport.MaxTextLength)
        {
            return Refuse(name.Length > CrisisReport.MaxTextLength ? Fields.Name : Fields.Address, $"at most {CrisisReport.MaxTextLength} characters");
        }

        if (observed.Length == 0 || observed.Length > CrisisReport.MaxObservedLength)
        {
            return Refuse(Fields.Observed, $"say what was seen, in 1 to {CrisisReport.MaxObservedLength:N0} characters");
        }

        if (ReporterKinds.Parse(Get(Fields.ReporterKind)) is not { } kind)
        {
            return Refuse(Fields.ReporterKind, $"write one of {string.Join(", ", ReporterKinds.All)} (or neighbour, institution, other …)");
        }

        if (!OutcomeDates.TryParse(Get(Fields.ReportedOn), out var on))
        {
            return Refuse(Fields.ReportedOn, "not a date: write yyyy-MM-dd");
        }

        if (on > today || on < today.AddYears(-1))
        {
            return Refuse(Fields.ReportedOn, $"{on:yyyy-MM-dd} is not plausible: a report dates from the last year, not after today ({today:yyyy-MM-dd})");
        }

        return (new CrisisReport(line, resident.Length > 0 ? resident : null, name, address, observed, kind, on), null);
    }

    private static List<string?> Columns(string path, List<string> header)
    {
        var columns = header.Select(h => Headers.GetValueOrDefault(h)).ToList();
        var missing = new[] { Fields.Observed, Fields.ReporterKind, Fields.ReportedOn }.Where(f => !columns.Contains(f)).ToList();
        if (!columns.Contains(Fields.ResidentNumber) && !(columns.Contains(Fields.Name) && columns.Contains(Fields.Address)))
        {
            missing.Add($"{Fields.ResidentNumber} (or {Fields.Name} and {Fields.Address})");
        }

        return missing.Count == 0 ? columns : throw new ReportFileException(
            $"{path}: line 1: the header lacks {string.Join(", ", missing)}; the columns are 주민등록번호, 성명, 주소, 관찰내용, 신고자구분, 신고일자 (or {string.Join(", ", Fields.All)}).",
            "신고 양식이 아닙니다: 첫 줄에 주민등록번호(또는 성명과 주소), 관찰내용, 신고자구분, 신고일자 열이 있어야 합니다.");
    }

    /// <summary>The field names (English, as files and the API may also spell them).</summary>
    public static class Fields
    {
        public const string ResidentNumber = "resident_no";
        public const string Name = "name";
        public const string Address = "address";
        public const string Observed = "observed";
        public const string ReporterKind = "reporter_kind";
        public const string ReportedOn = "reported_on";

        public static IReadOnlyList<string> All { get; } = [ResidentNumber, Name, Address, Observed, ReporterKind, ReportedOn];
    }
}
