using System.Globalization;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Testing;

/// <summary>
/// A tiny quarter for own discovery (자체 발굴), every expectation checkable by hand. In 종로구 (11110): the dispatched
/// people (resident numbers given by the caller, on the register), each with a record, who must not be indexed; then
/// 강여섯 (70, alone, 읍면동 505, 단전, household grade 상, lonely-death 상), 윤일곱 (35, household 중) and her child 윤아이 (8) (one
/// household, 읍면동 515, 건강보험료 체납; 윤아이 child grade 상), 한아홉 (45, alone, 읍면동 510, 대출금 연체, a person feed, household 중),
/// 조여덟 (50, 읍면동 515, no record: not indexed), 서열 (deceased, 단전: not indexed). In 수원시 (41110): 문열하나 (60,
/// 건강보험료 체납). Grades need the quotas of <see cref="Quotas"/> (1 each, not scaled):
/// 상 = national rank ≤ 3, 중 ≤ 10.
/// </summary>
public static class DiscoveryQuarter
{
    public static readonly Quarter Quarter = new(2026, 3);
    public static readonly Pseudonymizer Keys = Pseudonymizer.ForSampleData();

    /// <summary>The people of 종로구 the index must hold, in roster order is not implied.</summary>
    public static IReadOnlyList<string> JongnoIndexed { get; } = ["강여섯", "윤일곱", "윤아이", "한아홉"];

    /// <summary>Quotas per variant (household, child, lonely death) the grades above assume.</summary>
    public static IReadOnlyDictionary<Variant, int> Quotas { get; } = new Dictionary<Variant, int> { [Variant.Household] = 1, [Variant.Child] = 1, [Variant.LonelyDeath] = 1 };

    public sealed record Person(string Name, string ResidentNumber, string HouseholdNumber, string Sigungu, string Eupmyeondong, int Age, bool Male)
    {
        public string Status { get; init; } = "R";

        public long Key => Keys.Person(ResidentNumber).Value;

        public long HouseholdKey => Keys.Household(HouseholdNumber).Value;
    }

    public static string Resident(int serial, int age) => ResidentNumber.Create(Quarter.AsOf.AddYears(-age).AddDays(-serial), serial % 2 == 0, serial);

    /// <summary>
    /// Writes roster, lake, scores and identity vault of <see cref="Quarter"/> into <paramref name="root"/>. The
    /// <paramref name="dispatched"/> people (resident number, 시군구) are put on the roster with a record; when
    /// <paramref name="writeRegister"/>, they are written to the register too (household variant).
    /// </summary>
    public static async Task<IReadOnlyList<Person>> WriteAsync(DataRoot root, FeedCatalog catalog, IReadOnlyList<(string ResidentNumber, string Sigungu)> dispatched, bool writeRegister)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(catalog);
        var people = new List<Person>();
        for (var i = 0; i < dispatched.Count; i++)
        {
            people.Add(new Person($"발굴{i + 1}", dispatched[i].ResidentNumber, $"D{i + 1:D9}", dispatched[i].Sigungu, dispatched[i].Sigungu + "505", 40, true));
        }

        people.Add(new Person("강여섯", Resident(101, 70), "H000000101", "11110", "11110505", 70, false));
        people.Add(new Person("윤일곱", Resident(102, 35), "H000000102", "11110", "11110515", 35, false));
        people.Add(new Person("윤아이", Resident(103, 8), "H000000102", "11110", "11110515", 8, true));
        people.Add(new Person("한아홉", Resident(104, 45), "H000000104", "11110", "11110510", 45, true));
        people.Add(new Person("조여덟", Resident(105, 50), "H000000105", "11110", "11110515", 50, true));
        people.Add(new Person("서열", Resident(106, 80), "H000000106", "11110", "11110505", 80, true) { Status = "D" });
        people.Add(new Person("문열하나", Resident(107, 60), "H000000107", "41110", "41110505", 60, false));
        Person P(string name) => people.Single(p => p.Name == name);

        await LakeWriter.WriteRosterAsync(root, Quarter, [.. people.Select(p => new RosterPerson(p.Key, p.HouseholdKey, p.Sigungu, p.Age, p.Male, Status: p.Status) { Eupmyeondong = p.Eupmyeondong })]);
        var day = new DateOnly(2026, 8, 20);
        LakeRecordRow Household(Person p) => new(p.HouseholdKey, new Dictionary<string, object> { ["event_date"] = day, ["months"] = 4, ["amount"] = 320_000L });
        await LakeWriter.WriteFeedAsync(root, Quarter, catalog.GetFeed("electricity_cutoff"), [Household(P("강여섯")), Household(P("서열"))]);
        await LakeWriter.WriteFeedAsync(root, Quarter, catalog.GetFeed("health_insurance_arrears"),
            [Household(P("윤일곱")), Household(P("문열하나")), .. people.Take(dispatched.Count).Select(Household)]);
        await LakeWriter.WriteFeedAsync(root, Quarter, catalog.GetFeed("loan_arrears"), [new LakeRecordRow(P("한아홉").Key, new Dictionary<string, object> { ["event_date"] = day, ["amount"] = 5_000_000L })]);

        // Household ranks: 강여섯 1 (상), 문열하나 2, 조여덟 3, 윤일곱 4 (중), 한아홉 5 (중), then the dispatched.
        string[] ranked = ["강여섯", "문열하나", "조여덟", "윤일곱", "한아홉"];
        var order = ranked.Select(P).Concat(people.Take(dispatched.Count)).ToList();
        await ScoresWriter.WriteAsync(root, Quarter, Variant.Household, [.. order.Select((p, i) => new ScoreRow(p.Key, p.HouseholdKey, p.Sigungu, 0.99f - (i / 100f)))]);
        await ScoresWriter.WriteAsync(root, Quarter, Variant.Child, [new ScoreRow(P("윤아이").Key, P("윤아이").HouseholdKey, "11110", 0.7f)]);
        await ScoresWriter.WriteAsync(root, Quarter, Variant.LonelyDeath, [new ScoreRow(P("강여섯").Key, P("강여섯").HouseholdKey, "11110", 0.8f)]);
        VaultWriter.Write(root, Quarter, people.Select(p => (p.ResidentNumber, p.HouseholdNumber, p.Name, $"서울특별시 종로구 자하문로 {people.IndexOf(p) + 1}", $"010-2000-{people.IndexOf(p) + 1:D4}")));
        if (writeRegister)
        {
            Directory.CreateDirectory(root.OutcomesFolder(Quarter));
            var text = new StringBuilder("quarter,variant,resident_no,household_no,sigungu_code,selected_by,score,worklist_id\n");
            for (var i = 0; i < dispatched.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Quarter},household,{people[i].ResidentNumber},{people[i].HouseholdNumber},{people[i].Sigungu},model,0.9,{Quarter}-{people[i].Sigungu}-H-{i + 1:D6}\n");
            }

            File.WriteAllText(root.PastDispatches(Quarter), text.ToString(), new UTF8Encoding(true));
        }

        return people;
    }
}
