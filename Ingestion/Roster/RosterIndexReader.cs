using BlindSpot.Core.Contracts;

namespace BlindSpot.Ingestion.Roster;

/// <summary>Rebuilds the <see cref="RosterIndex"/> from a kept <c>roster/&lt;Q&gt;.parquet</c>, when the roster is unchanged but some feed is not.</summary>
internal static class RosterIndexReader
{
    /// <summary>Reads the keys; a file Parquet.Net cannot read fails as an <see cref="IngestException"/> naming it.</summary>
    public static async Task<RosterIndex> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadKeysAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            throw new IngestException($"{path}: cannot read the kept roster ({ex.Message.TrimEnd('.')}); delete it and ingest the quarter again.", ex);
        }
    }

    private static async Task<RosterIndex> ReadKeysAsync(string path, CancellationToken cancellationToken)
    {
        await using var reader = await RosterFileReader.OpenAsync(path, [RosterColumns.PersonKey, RosterColumns.HouseholdKey], cancellationToken);
        var rows = reader.People;
        var persons = new LongSet(rows);
        var households = new LongSet(rows / 2);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroup(g);
            var buffer = new long[group.Rows];
            await group.ReadAsync(RosterColumns.PersonKey, buffer.AsMemory(), cancellationToken);
            foreach (var key in buffer)
            {
                persons.Add(key);
            }

            await group.ReadAsync(RosterColumns.HouseholdKey, buffer.AsMemory(), cancellationToken);
            foreach (var key in buffer)
            {
                households.Add(key);
            }
        }

        return new RosterIndex(persons, households);
    }
}
