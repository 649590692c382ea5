using BlindSpot.Core.Catalog;

namespace BlindSpot.Core.Contracts;

/// <summary>
/// The columns every table between stages joins on: the pseudonymous keys and the 시군구 code. Roster, lake, features,
/// scores and labels all spell them so; readers and writers use these names, never string copies.
/// </summary>
public static class KeyColumns
{
    /// <summary>A person's pseudonym (INT64).</summary>
    public const string PersonKey = "person_key";

    /// <summary>A household's pseudonym (INT64).</summary>
    public const string HouseholdKey = "household_key";

    /// <summary>The five-digit 시군구 code (UTF-8).</summary>
    public const string SigunguCode = "sigungu_code";

    /// <summary>The two-digit 시도 code (UTF-8), in features.</summary>
    public const string SidoCode = "sido_code";

    /// <summary>The 읍면동 code (UTF-8), in roster and features.</summary>
    public const string EupmyeondongCode = "eupmyeondong_code";

    /// <summary>The key column of a feed's lake file: the person's or the household's, by the feed's unit.</summary>
    public static string For(FeedUnit unit) => unit == FeedUnit.Person ? PersonKey : HouseholdKey;
}
