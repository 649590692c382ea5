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
    public long Write(Stream stream)
    {
        var catalog = world.Catalog;
        var roster = catalog.Roster;
        var format = catalog.DeliveryOf(roster);
        var dates = DateStyle.Parse(format.DateFormat);
        var columns = roster.Columns.Select(c => c.Name).ToArray();
        using var writer = new CsvByteWriter(stream, format.DelimiterChar);
        writer.Raw(DeliveryFile.Header(roster.Columns.Select(c => c.Header(format.HeaderLanguage!.Value)), format));
        Span<byte> key = stackalloc byte[16];
        var people = world.People;
        foreach (var id in snapshot.Roster)
        {
            var h = people.Household[id];
            writer.BeginRow();
            foreach (var column in columns)
            {
                switch (column)
                {
                    case "resident_no":
                        world.WriteResidentNumber(key, id);
                        writer.Plain(key[..14]);
                        break;
                    case "household_no":
                        world.WriteHouseholdNumber(key, h);
                        writer.Plain(key[..KeyBytes.HouseholdLength]);
                        break;
                    case "is_head":
                        writer.Plain(world.Households.Head[h] == id ? "Y"u8 : "N"u8);
                        break;
                    case "sigungu_code":
                        writer.Plain(world.Regions.CodeBytes[world.Households.Sigungu[h]]);
                        break;
                    case "eupmyeondong_code":
                        writer.Plain(Eupmyeondong(h));
                        break;
                    case "birth_date":
                        writer.Date(people.BirthDay[id], dates);
                        break;
                    case "sex":
                        writer.Plain(people.IsMale(id) ? "M"u8 : "F"u8);
                        break;
                    case "disability":
                        writer.Plain(YesNo(people.Traits[id], PersonTraits.Disability));
                        break;
                    case "basic_livelihood":
                        writer.Plain(YesNo(people.Traits[id], PersonTraits.BasicLivelihood));
                        break;
                    case "other_benefit":
                        writer.Plain(YesNo(people.Traits[id], PersonTraits.OtherBenefit));
                        break;
                    case "status":
                        writer.Plain(people.Status[id] switch { PersonStatus.Died => "D"u8, PersonStatus.MovedOut => "M"u8, _ => "R"u8 });
                        break;
                    case "status_date":
                        WriteStatusDate(writer, people, id, dates);
                        break;
                    default:
                        throw new CatalogException("roster", $"column '{column}' is not one the simulator knows how to fill.");
                }
            }

            writer.EndRow();
        }

        return snapshot.Roster.Length;
    }

    private static ReadOnlySpan<byte> YesNo(PersonTraits traits, PersonTraits flag) => (traits & flag) != 0 ? "Y"u8 : "N"u8;

    private static void WriteStatusDate(CsvByteWriter writer, People people, int id, DateStyle dates)
    {
        if (people.Status[id] == PersonStatus.Resident)
        {
            writer.Empty();
        }
        else
        {
            writer.Date(people.StatusDay[id], dates);
        }
    }

    private byte[] Eupmyeondong(int household) =>
        world.Regions.EupmyeondongBytes[world.Households.Sigungu[household]][world.Households.Eupmyeondong[household]];
}
