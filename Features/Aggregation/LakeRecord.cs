namespace BlindSpot.Features.Aggregation;

/// <summary>The values of one lake row that features use; a role the feed lacks reads as 0.</summary>
internal readonly record struct LakeRecord(int Day, float Months, float Amount, float Days, float Count, float Measure);
