namespace BlindSpot.Features.Writing;

/// <summary>The roster rows [Start, End) of one bucket, written as that bucket's part.</summary>
internal sealed record Partition(int Bucket, int Start, int End)
{
    public int Rows => End - Start;
}
