namespace BlindSpot.Core.Partitioning;

/// <summary>One part file of a bucketed table and the bucket it belongs to. Immutable.</summary>
public sealed record BucketFile(int Bucket, string Path);
