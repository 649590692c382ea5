using BlindSpot.Core.Catalog;
using BlindSpot.Simulation.Roster;

namespace BlindSpot.Simulation.Deliveries;

/// <summary>
/// Writes the quarter's resident-registration extract (<c>raw/&lt;Q&gt;/MOIS/resident_registration.csv</c>) in the
/// catalog's roster layout and its source's format: every resident, plus those who died (D) or moved out (M) during
/// the quarter, once, with the date. The roster carries no dirt: it is the reference everything is matched against.
/// </summary>
internal sealed class RosterWriter(SimulationWorld world, QuarterSnapshot snapshot)
{
    // One scratch buffer for keys: a writer fills one row at a time, on one thread.
    private readonly byte[] key = new byte[16];

    private delegate void FieldWriter(CsvByteWriter writer, int person, int household);

    public void Write(Stream stream)
    {
        var roster = world.Catalog.Roster;
        var format = world.Catalog.DeliveryOf(roster);
        var fields = roster.Columns.Select(c => FieldFor(c.Name, DateStyle.Parse(format.DateFormat))).ToArray();
        using var writer = new CsvByteWriter(stream, format.DelimiterChar);
        writer.Raw(DeliveryFile.Header(roster.Columns.Select(c => c.Header(format.HeaderLanguage!.Value)), format));
        foreach (var id in snapshot.Roster)
        {
            var h = world.People.Household[id];
            writer.BeginRow();
            foreach (var field in fields)
            {
                field(writer, id, h);
            }

            writer.EndRow();
        }
    }

    /// <summary>How to fill each roster column, by its catalog name; the layout itself comes from the catalog.</summary>
    private FieldWriter FieldFor(string column, DateStyle dates)
    {
        var people = world.People;
        var households = world.Households;
        return column switch
        {
            "resident_no" => (w, id, _) => w.Plain(ResidentNumber(id)),
            "household_no" => (w, _, h) => w.Plain(HouseholdNumber(h)),
            "is_head" => (w, id, h) => w.Plain(households.Head[h] == id ? "Y"u8 : "N"u8),
            "sigungu_code" => (w, _, h) => w.Plain(world.Regions.CodeBytes[households.Sigungu[h]]),
            "eupmyeondong_code" => (w, _, h) => w.Plain(world.Regions.EupmyeondongBytes[households.Sigungu[h]][households.Eupmyeondong[h]]),
            "birth_date" => (w, id, _) => w.Date(people.BirthDay[id], dates),
            "sex" => (w, id, _) => w.Plain(people.IsMale(id) ? "M"u8 : "F"u8),
            "disability" => (w, id, _) => w.Plain(YesNo(people.Traits[id], PersonTraits.Disability)),
            "basic_livelihood" => (w, id, _) => w.Plain(YesNo(people.Traits[id], PersonTraits.BasicLivelihood)),
            "other_benefit" => (w, id, _) => w.Plain(YesNo(people.Traits[id], PersonTraits.OtherBenefit)),
            "status" => (w, id, _) => w.Plain(people.Status[id] switch { PersonStatus.Died => "D"u8, PersonStatus.MovedOut => "M"u8, _ => "R"u8 }),
            "status_date" => (w, id, _) => StatusDate(w, id, dates),
            _ => throw new CatalogException("roster", $"column '{column}' is not one the simulator knows how to fill."),
        };
    }

    private static ReadOnlySpan<byte> YesNo(PersonTraits traits, PersonTraits flag) => (traits & flag) != 0 ? "Y"u8 : "N"u8;

    private ReadOnlySpan<byte> ResidentNumber(int id)
    {
        world.WriteResidentNumber(key, id);
        return key.AsSpan(0, Core.Keys.ResidentNumber.Length);
    }

    private ReadOnlySpan<byte> HouseholdNumber(int household)
    {
        world.WriteHouseholdNumber(key, household);
        return key.AsSpan(0, KeyBytes.HouseholdLength);
    }

    private void StatusDate(CsvByteWriter writer, int id, DateStyle dates)
    {
        if (world.People.Status[id] == PersonStatus.Resident)
        {
            writer.Empty();
        }
        else
        {
            writer.Date(world.People.StatusDay[id], dates);
        }
    }
}
