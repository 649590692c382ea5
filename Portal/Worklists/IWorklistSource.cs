using BlindSpot.Core.Quarters;

namespace BlindSpot.Portal.Worklists;

/// <summary>
/// Where the portal finds worklists: the files Dispatch writes (the default) or Dispatch's PostgreSQL store. Callers pass
/// a parsed quarter and a 시군구 code they have already authorised; no request text reaches a path or a query.
/// </summary>
public interface IWorklistSource
{
    /// <summary>Quarters that have a worklist for <paramref name="sigungu"/>, newest first.</summary>
    Task<IReadOnlyList<Quarter>> QuartersOfAsync(string sigungu, CancellationToken ct);

    /// <summary>The worklist with the outcomes reported so far, or null when there is none.</summary>
    Task<QuarterWorklist?> ReadAsync(Quarter quarter, string sigungu, CancellationToken ct);

    /// <summary>The worklist as a file to stream (the caller disposes it), or null when there is none.</summary>
    Task<Stream?> OpenAsync(Quarter quarter, string sigungu, WorklistFormat format, CancellationToken ct);
}
