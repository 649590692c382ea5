using System.Text.RegularExpressions;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Simulation.Tests.TestSupport;

namespace BlindSpot.Simulation.Tests.Identity;

public sealed partial class IdentityWriterTests
{
    private static List<string[]> Vault(DataRoot root, Quarter quarter) =>
        [.. CsvText.Parse(CsvText.Decode(File.ReadAllBytes(root.IdentityVault(quarter)), TextEncodings.StrictUtf8), ',').Skip(1)];

    [Test]
    public void Write_Vault_HasOneRowPerRosterPersonInRosterOrder()
    {
        var (root, report) = Generated.Standard;
        var quarter = Generated.Range(report.Quarters[0].Quarter).First;

        var vault = Vault(root, quarter);

        Assert.That(vault.Select(r => r[0]), Is.EqualTo(RosterRow.Read(root, quarter).Select(r => r.ResidentNo)));
        Assert.That(File.ReadAllBytes(root.IdentityVault(quarter)).AsSpan(0, 3).ToArray(), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 BOM");
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [Platform(Exclude = "Win")]
    public void Write_VaultAndRegister_AreOwnerOnly()
    {
        var (root, report) = Generated.Standard;
        var quarter = Generated.Range(report.Quarters[0].Quarter).First;

        Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(root.IdentityVault(quarter))!), Is.EqualTo(Core.Files.PrivateFiles.OwnerOnlyFolder));
        Assert.That(File.GetUnixFileMode(root.IdentityVault(quarter)), Is.EqualTo(Core.Files.PrivateFiles.OwnerOnlyFile));
        Assert.That(File.GetUnixFileMode(root.PastDispatches(quarter)), Is.EqualTo(Core.Files.PrivateFiles.OwnerOnlyFile));
    }

    [Test]
    public void Write_NamesAndAddresses_StayTheSameFromQuarterToQuarter()
    {
        var (root, report) = Generated.Standard;
        var first = Vault(root, Generated.Range(report.Quarters[0].Quarter).First).ToDictionary(r => r[0]);
        var second = Vault(root, Generated.Range(report.Quarters[1].Quarter).First);

        // Phones are left out: a child gets one on turning 10.
        var changed = second.Where(r => first.TryGetValue(r[0], out var before) && (before[2] != r[2] || before[3] != r[3]));

        Assert.That(changed, Is.Empty);
    }

    [Test]
    public void Write_Members_ShareTheirHouseholdsAddressAndPhonesLookKorean()
    {
        var (root, report) = Generated.Standard;
        var vault = Vault(root, Generated.Range(report.Quarters[0].Quarter).First);

        Assert.That(vault.GroupBy(r => r[1]).Where(g => g.Select(r => r[3]).Distinct().Count() != 1), Is.Empty);
        Assert.That(vault.Select(r => r[4]).Where(p => p.Length > 0 && !Phone().IsMatch(p)), Is.Empty);
        Assert.That(vault.Select(r => r[2]).Where(n => n.Length is < 2 or > 4), Is.Empty, "Korean names are 2-4 syllables");
    }

    [GeneratedRegex("^010-[0-9]{4}-[0-9]{4}$")]
    private static partial Regex Phone();
}
