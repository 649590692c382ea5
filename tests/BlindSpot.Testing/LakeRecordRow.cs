namespace BlindSpot.Testing;

/// <summary>One lake row of a feed: the key and values by column name (dates as DateOnly, numbers as int/long/double, codes as string).</summary>
public sealed record LakeRecordRow(long Key, IReadOnlyDictionary<string, object> Values);
