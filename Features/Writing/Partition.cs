namespace BlindSpot.Features.Writing;

/// <summary>The roster rows of one 시도, [Start, End): contiguous because the roster is sorted by 시군구.</summary>
internal sealed record Partition(string SidoCode, int Start, int End)
{
    public int Rows => End - Start;

    /// <summary><c>part-011.parquet</c> for 시도 11: the file name carries the 시도 code.</summary>
    public string FileName => Core.Contracts.FeatureFiles.PartFileName(SidoCode);

    /// <summary>Splits the roster into its 시도 ranges, in roster order.</summary>
    public static IReadOnlyList<Partition> Split(int[] sigungu)
    {
        var partitions = new List<Partition>();
        var start = 0;
        for (var i = 1; i <= sigungu.Length; i++)
        {
            if (i == sigungu.Length || sigungu[i] / 1000 != sigungu[start] / 1000)
            {
                partitions.Add(new Partition((sigungu[start] / 1000).ToString("D2", System.Globalization.CultureInfo.InvariantCulture), start, i));
                start = i;
            }
        }

        return partitions;
    }
}
