namespace BlindSpot.Features.Aggregation;

/// <summary>How much of a lake a fold computes.</summary>
internal enum FoldScope
{
    /// <summary>Every rule of every feed: the quarter being built.</summary>
    AllRules,

    /// <summary>
    /// Only which units have a record, their largest arrears months and their measures: all the change and history
    /// features need of an earlier quarter. Reads up to three columns a feed instead of up to seven and computes no rule values.
    /// </summary>
    ChangesOnly,
}
