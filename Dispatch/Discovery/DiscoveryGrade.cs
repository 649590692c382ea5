namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// A person's model grade in one variant among everyone that variant scored, by national rank against the variant's
/// quota q (the number dispatched): 상 within 3q (the candidates Scoring explains, just below the dispatch line),
/// 중 within 10q, 하 below; none when the variant did not score the person (not eligible for it).
/// </summary>
public enum DiscoveryGrade : byte
{
    None = 0,
    High = 1,
    Middle = 2,
    Low = 3,
}
