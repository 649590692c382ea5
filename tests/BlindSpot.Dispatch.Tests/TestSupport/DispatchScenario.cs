using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Testing;

namespace BlindSpot.Dispatch.Tests.TestSupport;

/// <summary>
/// A small quarter to dispatch: 60 households of two people (an adult aged 30–89 and a child, or two adults) in 종로구
/// (11110) and 부산 중구 (26110), scored so that household h ranks h-th; plus a few people living alone for lonely_death.
/// Keys are real pseudonyms of synthetic resident numbers, so the identity vault joins as in production.
/// </summary>
internal sealed class DispatchScenario
{
    public static readonly Quarter Quarter = new(2026, 3);
    public static readonly Pseudonymizer Keys = Pseudonymizer.ForSampleData();

    public DispatchScenario(DataRoot root) => Root = root;

    public DataRoot Root { get; }

    public List<Person> People { get; } = [];

    public static FeedCatalog Catalog { get; } = FeedCatalog.LoadDefault();

    public Person this[string name] => People.Single(p => p.Name == name);

    public static async Task<DispatchScenario> CreateAsync(DataRoot root, Action<DispatchScenario>? adjust = null)
    {
        var scenario = new DispatchScenario(root);
        for (var h = 1; h <= 60; h++)
        {
            var sigungu = h % 2 == 0 ? "11110" : "26110";
            var household = $"{sigungu}{h:D6}";
            scenario.Add($"가구주{h:D2}", household, sigungu, age: 30 + h, score: 1f - (h / 100f), isHead: true);
            scenario.Add($"가구원{h:D2}", household, sigungu, age: h % 3 == 0 ? 9 : 28, score: 0.5f - (h / 1000f));
        }

        for (var s = 1; s <= 6; s++)
        {
            scenario.Add($"독거{s}", $"11110{900 + s:D6}", "11110", age: 60 + s, score: 0.95f - (s / 100f), isHead: true);
        }

        adjust?.Invoke(scenario);
        await scenario.WriteAsync();
        return scenario;
    }

    public Person Add(string name, string household, string sigungu, int age, float score, bool isHead = false)
    {
        var resident = ResidentNumber.Create(Quarter.AsOf.AddYears(-age).AddDays(-People.Count), male: People.Count % 2 == 0, serial: 1000 + People.Count);
        var person = new Person(name, resident, household, sigungu, age, score, isHead);
        People.Add(person);
        return person;
    }

    private async Task WriteAsync()
    {
        await LakeWriter.WriteRosterAsync(Root, Quarter, [.. People.Select(p => new RosterPerson(p.Key, p.HouseholdKey, p.Sigungu, p.Age, IsHead: p.IsHead, Status: p.Status) { BasicLivelihood = p.BasicLivelihood })]);
        VaultWriter.Write(Root, Quarter, People.Select(p => (p.ResidentNumber, p.Household, p.Name, $"서울특별시 종로구 세종대로 {People.IndexOf(p) + 1}, 101호", "010-1234-5678")));
        var adults = People.Where(p => p.Age >= 18).Select(p => p.ScoreRow()).ToList();
        await ScoresWriter.WriteAsync(Root, Quarter, Variant.Household, adults);
        await ScoresWriter.WriteAsync(Root, Quarter, Variant.Child, [.. People.Where(p => p.Age < 18).Select(p => p.ScoreRow())]);
        await ScoresWriter.WriteAsync(Root, Quarter, Variant.LonelyDeath, [.. People.Where(p => p.Name.StartsWith("독거", StringComparison.Ordinal) || p.Name == "가구주01").Select(p => p.ScoreRow())]);
        await LakeWriter.WriteFeedAsync(Root, Quarter, Catalog.GetFeed("health_insurance_arrears"),
            [.. People.Where(p => p.IsHead).Select(p => new LakeRecordRow(p.HouseholdKey, new Dictionary<string, object> { ["event_date"] = new DateOnly(2026, 8, 31), ["months"] = 8, ["amount"] = 1_240_000L }))]);
    }

    internal sealed record Person(string Name, string ResidentNumber, string Household, string Sigungu, int Age, float Score, bool IsHead)
    {
        public string Status { get; set; } = "R";

        public bool BasicLivelihood { get; set; }

        public long Key => Keys.Person(ResidentNumber).Value;

        public long HouseholdKey => Keys.Household(Household).Value;

        public ScoreRow ScoreRow() => new(Key, HouseholdKey, Sigungu, Score)
        {
            Reasons = [("health_insurance_arrears_max_months", 8f), ("p_crisis_count", 3f)],
        };
    }
}
