namespace BlindSpot.Features.Aggregation;

/// <summary>How much of a lake a fold computes.</summary>
internal enum FoldScope
{
    /// <summary>Every rule of every feed: the quarter being built.</summary>
    AllRules,

    /// <summary>
    /// Only which units have a record and their largest arrears months: all the change features need of the previous
    /// quarter. Reads two columns a feed instead of up to seven and computes no rule values.
    /// </summary>
    ChangesOnly,
}
