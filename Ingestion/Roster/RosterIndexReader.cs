using Parquet;

namespace BlindSpot.Ingestion.Roster;

/// <summary>Rebuilds the <see cref="RosterIndex"/> from a kept <c>roster/&lt;Q&gt;.parquet</c>, when the roster is unchanged but some feed is not.</summary>
internal static class RosterIndexReader
{
    public static async Task<RosterIndex> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: cancellationToken);
        var rows = checked((int)reader.RowGroups.Sum(g => g.RowCount));
        var persons = new LongSet(rows);
        var households = new LongSet(rows / 2);
        var personField = reader.Schema.DataFields.Single(f => f.Name == "person_key");
        var householdField = reader.Schema.DataFields.Single(f => f.Name == "household_key");
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var buffer = new long[group.RowCount];
            await group.ReadAsync<long>(personField, buffer, cancellationToken: cancellationToken);
            foreach (var key in buffer)
            {
                persons.Add(key);
            }

            await group.ReadAsync<long>(householdField, buffer, cancellationToken: cancellationToken);
            foreach (var key in buffer)
            {
                households.Add(key);
            }
        }

        return new RosterIndex(persons, households);
    }
}
