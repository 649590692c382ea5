namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// One roster row in <see cref="RosterSpill"/>'s files: both keys, the four flags in one byte, the codes as
/// length-prefixed text, the dates as day numbers (−1 for no status date). Private to one run, so no version.
/// </summary>
internal static class RosterSpillRow
{
    private const byte Head = 1, Disabled = 2, Livelihood = 4, Other = 8;

    public static void Write(BinaryWriter writer, RosterTable t, int row)
    {
        writer.Write(t.PersonKey[row]);
        writer.Write(t.HouseholdKey[row]);
        writer.Write((byte)((t.IsHead[row] ? Head : 0) | (t.Disability[row] ? Disabled : 0) | (t.BasicLivelihood[row] ? Livelihood : 0) | (t.OtherBenefit[row] ? Other : 0)));
        writer.Write(t.SigunguCode[row]);
        writer.Write(t.EupmyeondongCode[row]);
        writer.Write(t.BirthDate[row].DayNumber);
        writer.Write(t.Age[row]);
        writer.Write(t.Sex[row]);
        writer.Write(t.Status[row]);
        writer.Write(t.StatusDate[row] is { } date ? date.DayNumber : -1);
    }

    /// <summary>Appends the next row of <paramref name="reader"/> to <paramref name="t"/>.</summary>
    public static void Read(BinaryReader reader, RosterTable t)
    {
        t.PersonKey.Add(reader.ReadInt64());
        t.HouseholdKey.Add(reader.ReadInt64());
        var flags = reader.ReadByte();
        t.IsHead.Add((flags & Head) != 0);
        t.Disability.Add((flags & Disabled) != 0);
        t.BasicLivelihood.Add((flags & Livelihood) != 0);
        t.OtherBenefit.Add((flags & Other) != 0);
        t.SigunguCode.Add(reader.ReadString());
        t.EupmyeondongCode.Add(reader.ReadString());
        t.BirthDate.Add(DateOnly.FromDayNumber(reader.ReadInt32()));
        t.Age.Add(reader.ReadInt32());
        t.Sex.Add(reader.ReadString());
        t.Status.Add(reader.ReadString());
        var status = reader.ReadInt32();
        t.StatusDate.Add(status < 0 ? null : DateOnly.FromDayNumber(status));
    }
}
