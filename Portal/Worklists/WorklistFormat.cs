namespace BlindSpot.Portal.Worklists;

/// <summary>The two files Dispatch writes per 시군구 and quarter; the only formats a download may name.</summary>
public enum WorklistFormat
{
    /// <summary><c>&lt;sigungu&gt;.xlsx</c>: styled, frozen and filtered header.</summary>
    Xlsx,

    /// <summary><c>&lt;sigungu&gt;.csv</c>: UTF-8 with BOM.</summary>
    Csv,
}
