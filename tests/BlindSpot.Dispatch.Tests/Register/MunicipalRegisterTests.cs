using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Register;
using BlindSpot.Testing;

namespace BlindSpot.Dispatch.Tests.Register;

/// <summary>
/// Carried-over and 신고 cases on the municipal register: residents of the case's 시군구 get a register row (their resident
/// and household numbers from the vault) and their contacts handed back; anyone else neither; a rerun adds nothing.
/// </summary>
public sealed class MunicipalRegisterTests
{
    private static readonly Quarter Quarter = new(2026, 3);
    private static readonly Pseudonymizer Keys = Pseudonymizer.ForSampleData();

    [Test]
    public async Task AddAsync_RegistersResidentsOfTheCasesSigungu_WithTheirContacts_AndNobodyElse_Once()
    {
        var root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-municipal-").FullName);
        try
        {
            string Resident(int serial) => ResidentNumber.Create(new DateOnly(1960, 1, 1).AddDays(serial), serial % 2 == 0, serial);
            long Key(int serial) => Keys.Person(Resident(serial)).Value;
            await LakeWriter.WriteRosterAsync(root, Quarter, [new RosterPerson(Key(1), 1, "11110", 60), new RosterPerson(Key(2), 2, "41110", 60)]);
            VaultWriter.Write(root, Quarter, [(Resident(1), "H1", "김일", "서울 종로구 율곡로 1", "010-1000-0001"), (Resident(2), "H2", "이이", "경기 수원시 팔달로 2", "010-1000-0002")]);
            MunicipalCase[] cases =
            [
                new("2026Q3-11110-K-000001", "11110", Key(1), Variant.LonelyDeath, MunicipalRegister.Carried),
                new("2026Q3-11110-R-000007", "11110", Key(2), Variant.Household, MunicipalRegister.Report),   // a resident of 수원시
                new("2026Q3-11110-R-000008", "11110", Key(3), Variant.Household, MunicipalRegister.Report),   // on no roster
            ];

            var contacts = await MunicipalRegister.AddAsync(root, Quarter, cases, Keys, CancellationToken.None);
            var again = await MunicipalRegister.AddAsync(root, Quarter, cases, Keys, CancellationToken.None);

            Assert.That(contacts, Is.EquivalentTo(new Dictionary<string, (string, string)> { ["2026Q3-11110-K-000001"] = ("서울 종로구 율곡로 1", "010-1000-0001") }));
            Assert.That(again, Is.EquivalentTo(contacts), "a rerun hands the contacts back again");
            var lines = File.ReadAllLines(root.OwnDiscoveries(Quarter));
            Assert.That(lines, Is.EqualTo(new[]
            {
                "quarter,variant,resident_no,household_no,sigungu_code,selected_by,score,worklist_id",
                $"2026Q3,lonely_death,{Resident(1)},H1,11110,carried,,2026Q3-11110-K-000001",
            }), "one row, written once");
            Assert.That((MunicipalRegister.Holds(root, Quarter, "2026Q3-11110-K-000001"), MunicipalRegister.Holds(root, Quarter, "2026Q3-11110-R-000007")), Is.EqualTo((true, false)));
        }
        finally
        {
            Directory.Delete(root.Path, recursive: true);
        }
    }
}
