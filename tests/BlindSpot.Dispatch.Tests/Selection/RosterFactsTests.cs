using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Selection;
using BlindSpot.Testing;

namespace BlindSpot.Dispatch.Tests.Selection;

public sealed class RosterFactsTests
{
    private static readonly Quarter Quarter = new(2026, 3);
    private DataRoot root = null!;

    [SetUp]
    public void CreateRoot() => root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-roster-facts-").FullName);

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    [Test]
    public async Task Read_CodesStatusAndIndex_MatchTheRoster()
    {
        await LakeWriter.WriteRosterAsync(root, Quarter,
        [
            new(0x30, 0x3, "26110", 70, Status: "M"),
            new(0x10, 0x1, "11110", 45),
            new(0x11, 0x1, "11110", 12),
            new(0x20, 0x2, "11140", 30),
        ]);

        var facts = await RosterFacts.ReadAsync(root, Quarter, CancellationToken.None);

        Assert.Multiple(() =>
        {
            // The roster file is sorted by 시군구, household, person.
            Assert.That(facts.Sigungu, Is.EqualTo(new[] { 11110, 11110, 11140, 26110 }));
            Assert.That(facts.Status, Is.EqualTo(new[] { 'R', 'R', 'R', 'M' }));
            Assert.That(new[] { 0x10L, 0x11, 0x20, 0x30, 0x99 }.Select(facts.PersonIndex.Find), Is.EqualTo(new[] { 0, 1, 2, 3, -1 }));
        });
    }

    [Test]
    public async Task Read_SigunguNotNumeric_NamesFileRowAndValue()
    {
        await LakeWriter.WriteRosterAsync(root, Quarter, [new(1, 1, "11110", 40), new(2, 2, "1114X", 41)]);

        var error = Assert.ThrowsAsync<InvalidDataException>(() => RosterFacts.ReadAsync(root, Quarter, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain(root.RosterFolder(Quarter)).And.Contain("row 1 has sigungu_code '1114X'"));
    }

    [Test]
    public async Task Read_PersonKeyTwice_NamesTheKey()
    {
        await LakeWriter.WriteRosterAsync(root, Quarter, [new(0x51, 1, "11110", 40), new(0x51, 2, "11110", 41)]);

        var error = Assert.ThrowsAsync<InvalidDataException>(() => RosterFacts.ReadAsync(root, Quarter, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("person key 0000000000000051 appears twice"));
    }
}
