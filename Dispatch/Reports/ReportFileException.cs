using BlindSpot.Core.Errors;

namespace BlindSpot.Dispatch.Reports;

/// <summary>A report file refused as a whole (no header that names the columns, an encoding neither UTF-8 nor CP949): English for the operator, Korean for the analyst's page.</summary>
public sealed class ReportFileException : DataErrorException
{
    public ReportFileException(string message, string korean)
        : base(message) => Korean = korean;

    public ReportFileException()
    {
    }

    public ReportFileException(string message)
        : base(message)
    {
    }

    public ReportFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What the analyst is told.</summary>
    public string Korean { get; } = "신고 파일을 읽을 수 없습니다.";
}
