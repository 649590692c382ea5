namespace BlindSpot.Scoring.Batch;

/// <summary>
/// Where one variant's section lies in a shard file (<see cref="ShardWriter"/>'s layout): the row count, the byte offsets
/// of its column arrays (each <see cref="Rows"/> long, rows in rank order), its 시군구 dictionary and its candidates.
/// Found by <see cref="ShardReader.Open"/> without reading the arrays, so the reduce reads them a chunk at a time.
/// </summary>
internal sealed record ShardVariant(
    int Rows,
    long PersonKeysAt,
    long HouseholdKeysAt,
    IReadOnlyList<string> Dictionary,
    long CodesAt,
    long ScoresAt,
    long RawAt,
    int CandidateCount,
    int Width,
    long CandidatesAt);
