using BlindSpot.Core.Catalog;
using BlindSpot.Ingestion.Feeds;
using BlindSpot.Ingestion.Lake;
using BlindSpot.Ingestion.Reading;
using BlindSpot.Ingestion.Validation;

namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// Reads the roster delivery record by record into a <see cref="RosterTable"/>: duplicates dropped, fields validated
/// with the same parsers as feeds (codes, patterns, dates no later than the as-of date), rejects to quarantine.
/// </summary>
internal sealed class RosterRowReader
{
    private readonly DeliveryReader reader;
    private readonly RejectWriter rejects;
    private readonly DuplicateFilter duplicates;
    private readonly KeyParser person;
    private readonly KeyParser household;
    private readonly TextSink isHead;
    private readonly TextSink sigungu;
    private readonly TextSink eupmyeondong;
    private readonly DateSink birthDate;
    private readonly TextSink sex;
    private readonly TextSink disability;
    private readonly TextSink basicLivelihood;
    private readonly TextSink otherBenefit;
    private readonly TextSink status;
    private readonly DateSink statusDate;
    private readonly int[] indexes;
    private readonly ColumnSink[] sinks;
    private readonly DateOnly asOf;
    private readonly byte[] lastHousehold = new byte[KeyParser.MaxHouseholdLength];
    private long lastLine;
    private long? lastHouseholdKey;
    private int lastHouseholdLength;

    public RosterRowReader(DeliveryReader reader, FeedDefinition roster, DeliveryFormat format, IngestContext context, RejectWriter rejects, int expectedRows)
    {
        Lines = new LineChecks(reader, rejects, Counts, context.MaxLineBytes);
        duplicates = new DuplicateFilter(expectedRows);
        this.reader = reader;
        this.rejects = rejects;
        asOf = context.Quarter.AsOf;
        var columns = roster.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        ColumnDefinition Column(string name) => columns.TryGetValue(name, out var c)
            ? c
            : throw new InvalidDataException($"The catalog's roster has no column '{name}', which the roster contract needs.");
        DateSink Date(string name) => new(Column(name), format.DateFormat!, DateWindow.For(roster, Column(name), context.Quarter));
        person = new KeyParser(Column("resident_no"), context.Pseudonymizer);
        household = new KeyParser(Column("household_no"), context.Pseudonymizer);
        isHead = new TextSink(Column("is_head"));
        sigungu = new TextSink(Column("sigungu_code"));
        eupmyeondong = new TextSink(Column("eupmyeondong_code"));
        birthDate = Date("birth_date");
        sex = new TextSink(Column("sex"));
        disability = new TextSink(Column("disability"));
        basicLivelihood = new TextSink(Column("basic_livelihood"));
        otherBenefit = new TextSink(Column("other_benefit"));
        status = new TextSink(Column("status"));
        statusDate = Date("status_date");
        sinks = [isHead, sigungu, eupmyeondong, birthDate, sex, disability, basicLivelihood, otherBenefit, status, statusDate];
        string[] order = ["resident_no", "household_no", "is_head", "sigungu_code", "eupmyeondong_code", "birth_date", "sex", "disability", "basic_livelihood", "other_benefit", "status", "status_date"];
        indexes = [.. order.Select(name => reader.Header.Indexes[roster.Columns.ToList().FindIndex(c => c.Name == name)])];
    }

    public RecordCounts Counts { get; } = new();

    /// <summary>The structure guards of the roster delivery; check every line was read once the file ends.</summary>
    public LineChecks Lines { get; }

    /// <summary>Reads to the next accepted row and appends it to <paramref name="table"/>; false at the end of the file.</summary>
    public bool Next(RosterTable table)
    {
        while (reader.Read())
        {
            Lines.TakeSkipped();
            Counts.Read++;
            if (duplicates.IsDuplicate(reader.RawRecord))
            {
                Counts.Duplicates++;
                continue;
            }

            var (field, reason) = Check(out var personKey, out var householdKey);
            if (reason is not null)
            {
                rejects.Write(reader.RawRecord, reader.LineNumber, field, reason);
                Counts.Reject(field, reason);
                continue;
            }

            Append(table, personKey, householdKey);
            lastLine = reader.LineNumber;
            Counts.Accepted++;
            return true;
        }

        Lines.TakeSkipped();
        return false;
    }

    /// <summary>Moves the row just appended to quarantine (a rule only the whole table can check).</summary>
    public void RejectLast(RosterTable table, string field, string reason)
    {
        table.RemoveLast();

        rejects.Write(reader.RawRecord, lastLine, field, reason);
        Counts.Accepted--;
        Counts.Reject(field, reason);
    }

    private (string Field, string? Reason) Check(out long personKey, out long householdKey)
    {
        householdKey = 0;
        personKey = 0;
        if (reader.MalformedReason() is { } malformed)
        {
            return ("", malformed);
        }

        if (Lines.TooLongReason() is { } tooLong)
        {
            return ("", tooLong);
        }

        if (reader.FieldCount != reader.Header.FieldCount)
        {
            return ("", $"has {reader.FieldCount} fields where the header has {reader.Header.FieldCount}");
        }

        if (person.TryParse(reader.GetSpan(indexes[0]), out personKey) is { } r0)
        {
            return ("resident_no", r0);
        }

        if (HouseholdKey(reader.GetSpan(indexes[1]), out householdKey) is { } r1)
        {
            return ("household_no", r1);
        }

        for (var i = 0; i < sinks.Length; i++)
        {
            if (sinks[i].Stage(reader.GetSpan(indexes[i + 2])) is { } reason)
            {
                return (sinks[i].Column.Name, reason);
            }
        }

        return ("", null);
    }

    // Members of a household are delivered together: reuse the last household's key instead of a second HMAC per person.
    private string? HouseholdKey(ReadOnlySpan<byte> utf8, out long key)
    {
        if (lastHouseholdKey is not null && utf8.SequenceEqual(lastHousehold.AsSpan(0, lastHouseholdLength)))
        {
            key = lastHouseholdKey.Value;
            return null;
        }

        if (household.TryParse(utf8, out key) is { } reason)
        {
            return reason;
        }

        utf8.CopyTo(lastHousehold);
        lastHouseholdLength = utf8.Length;
        lastHouseholdKey = key;
        return null;
    }

    private void Append(RosterTable table, long personKey, long householdKey)
    {
        var birth = birthDate.Staged!.Value;
        table.PersonKey.Add(personKey);
        table.HouseholdKey.Add(householdKey);
        table.IsHead.Add(isHead.Staged == "Y");
        table.SigunguCode.Add(sigungu.Staged!);
        table.EupmyeondongCode.Add(eupmyeondong.Staged!);
        table.BirthDate.Add(birth);
        table.Age.Add(RosterTable.AgeAt(birth, asOf));
        table.Sex.Add(sex.Staged!);
        table.Disability.Add(disability.Staged == "Y");
        table.BasicLivelihood.Add(basicLivelihood.Staged == "Y");
        table.OtherBenefit.Add(otherBenefit.Staged == "Y");
        table.Status.Add(status.Staged!);
        table.StatusDate.Add(statusDate.Staged);
    }
}
