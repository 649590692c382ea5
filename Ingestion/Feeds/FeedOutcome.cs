using BlindSpot.Ingestion.Reporting;
using BlindSpot.Ingestion.Validation;

namespace BlindSpot.Ingestion.Feeds;

/// <summary>A feed's report before unknown keys are counted, with its accepted keys (null when the feed failed).</summary>
internal sealed record FeedOutcome(FeedReport Report, KeyList? Keys);
