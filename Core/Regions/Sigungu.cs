namespace BlindSpot.Core.Regions;

/// <summary>
/// A 시군구, the municipality that receives a worklist: five-digit administrative code such as <c>11110</c> (종로구),
/// its 시도, an approximate resident population and the number of its 읍면동.
/// </summary>
public sealed record Sigungu(string Code, string NameKo, string NameEn, string Sido, int Population, int Eupmyeondong)
{
    /// <summary>The 8-digit code of this 시군구's <paramref name="index"/>-th (1-based) 읍면동: the 시군구 code, then 510, 520, … as the 행정동 codes run.</summary>
    public string EupmyeondongCode(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Eupmyeondong);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Code}{500 + (index * 5):D3}");
    }
}
