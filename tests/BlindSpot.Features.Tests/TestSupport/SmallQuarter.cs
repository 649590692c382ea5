using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

using BlindSpot.Testing;

namespace BlindSpot.Features.Tests.TestSupport;

/// <summary>
/// Three households whose features can be computed by hand:
/// A in 종로구 (11110): a 45-year-old head and a 12-year-old; B in 부산 중구 (26110): a 70-year-old living alone;
/// C in 종로구: a 30-year-old living alone. Keys are small numbers so failures read easily.
/// </summary>
internal static class SmallQuarter
{
    public const long HouseholdA = 100, HouseholdB = 200, HouseholdC = 300;
    public const long Parent = 1, Child = 2, Elder = 3, Young = 4;
    public const long UnknownPerson = 999;

    public static readonly Quarter Quarter = new(2026, 3);

    public static IReadOnlyList<RosterPerson> People { get; } =
    [
        new(Parent, HouseholdA, "11110", 45, Male: true, IsHead: true),
        new(Child, HouseholdA, "11110", 12, Male: false),
        new(Elder, HouseholdB, "26110", 70, Male: false, IsHead: true) { BasicLivelihood = true },
        new(Young, HouseholdC, "11110", 30, Male: true, IsHead: true),
    ];

    public static LakeRecordRow Row(long key, DateOnly date, params (string Name, object Value)[] values) =>
        new(key, new Dictionary<string, object>(values.Select(v => KeyValuePair.Create(v.Name, v.Value))) { ["event_date"] = date });

    /// <summary>This quarter: A owes health insurance 8 months; the parent has two telecom arrears (3 and 5 months); the elder owes local tax; an unknown person owes telecom.</summary>
    public static async Task WriteCurrentAsync(DataRoot root, FeedCatalog catalog)
    {
        await LakeWriter.WriteRosterAsync(root, Quarter, People);
        await LakeWriter.WriteFeedAsync(root, Quarter, catalog.GetFeed("health_insurance_arrears"),
            [Row(HouseholdA, new DateOnly(2026, 8, 31), ("months", 8), ("amount", 1_240_000L))]);
        await LakeWriter.WriteFeedAsync(root, Quarter, catalog.GetFeed("telecom_arrears"),
        [
            Row(Parent, new DateOnly(2026, 7, 10), ("months", 3), ("amount", 90_000L)),
            Row(Parent, new DateOnly(2026, 9, 10), ("months", 5), ("amount", 150_000L)),
            Row(UnknownPerson, new DateOnly(2026, 9, 1), ("months", 4), ("amount", 10_000L)),
        ]);
        await LakeWriter.WriteFeedAsync(root, Quarter, catalog.GetFeed("local_tax_arrears"),
        [
            Row(Elder, new DateOnly(2026, 5, 1), ("amount", 300_000L)),
            Row(Elder, new DateOnly(2026, 6, 1), ("amount", 200_000L)),
        ]);
    }

    /// <summary>Last quarter: the parent's telecom arrears were 3 months; the young man had a card arrears that is gone now.</summary>
    public static async Task WritePreviousAsync(DataRoot root, FeedCatalog catalog)
    {
        var previous = Quarter.Previous;
        await LakeWriter.WriteFeedAsync(root, previous, catalog.GetFeed("telecom_arrears"),
            [Row(Parent, new DateOnly(2026, 5, 10), ("months", 3), ("amount", 90_000L))]);
        await LakeWriter.WriteFeedAsync(root, previous, catalog.GetFeed("card_arrears"),
            [Row(Young, new DateOnly(2026, 4, 2), ("amount", 2_000_000L))]);
    }
}
