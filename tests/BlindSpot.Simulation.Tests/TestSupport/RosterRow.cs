using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Simulation.Tests.TestSupport;

/// <summary>One row of the roster delivery, with the person's age at the quarter's as-of date.</summary>
internal sealed record RosterRow(string ResidentNo, string HouseholdNo, bool IsHead, string Sigungu, int Age, string Status)
{
    public static List<RosterRow> Read(DataRoot root, Quarter quarter)
    {
        var roster = Generated.Catalog.Roster;
        var format = Generated.Catalog.DeliveryOf(roster);
        var delivery = Delivery.Read(root, quarter, roster);
        int Col(string name) => delivery.Column(roster.Columns.Single(c => c.Name == name).Header(format.HeaderLanguage!.Value));
        int no = Col("resident_no"), household = Col("household_no"), head = Col("is_head"), sigungu = Col("sigungu_code"), birth = Col("birth_date"), status = Col("status");
        return [.. delivery.Rows.Select(r => new RosterRow(r[no], r[household], r[head] == "Y", r[sigungu], AgeAt(Delivery.ParseDate(r[birth], format.DateFormat!), quarter.AsOf), r[status]))];
    }

    private static int AgeAt(DateOnly birth, DateOnly asOf) =>
        asOf.Year - birth.Year - (asOf.Month < birth.Month || (asOf.Month == birth.Month && asOf.Day < birth.Day) ? 1 : 0);
}
