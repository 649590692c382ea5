namespace BlindSpot.Scoring.Registry;

/// <summary><c>models/&lt;variant&gt;/live.json</c>: the version that scores, its model.zip hash, and how it got there.</summary>
public sealed record LivePointer(string Version, string ModelSha256, DateTimeOffset PromotedAt, bool Forced, string Note);
