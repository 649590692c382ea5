using BlindSpot.Core.Contracts;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Ingestion.Roster;

/// <summary>Rebuilds the <see cref="RosterIndex"/> from a kept roster's buckets, when the roster is unchanged but some feed is not.</summary>
internal static class RosterIndexReader
{
    /// <summary>Reads the keys; a file Parquet.Net cannot read fails as an <see cref="IngestException"/> naming it.</summary>
    public static async Task<RosterIndex> ReadAsync(DataRoot root, Quarter quarter, CancellationToken cancellationToken)
    {
        var folder = root.RosterFolder(quarter);
        try
        {
            var partitioning = PartitioningRecord.Load(root.Partitioning(quarter))
                ?? throw new FileNotFoundException($"{root.Partitioning(quarter)} is missing.");
            return await ReadKeysAsync(TableFiles.Roster(root, quarter), partitioning.Partitioning, cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            throw new IngestException($"{folder}: cannot read the kept roster ({ex.Message.TrimEnd('.')}); delete it and ingest the quarter again.", ex);
        }
    }

    private static async Task<RosterIndex> ReadKeysAsync(IReadOnlyList<BucketFile> files, Buckets buckets, CancellationToken cancellationToken)
    {
        var rows = 0;
        foreach (var file in files)
        {
            await using var reader = await RosterFileReader.OpenAsync(file.Path, [file.Path], [RosterColumns.PersonKey, RosterColumns.HouseholdKey], cancellationToken);
            rows += reader.People;
        }

        var persons = new PersonBuckets(rows);
        var households = new LongSet(rows / 2);
        foreach (var file in files)
        {
            await using var reader = await RosterFileReader.OpenAsync(file.Path, [file.Path], [RosterColumns.PersonKey, RosterColumns.HouseholdKey], cancellationToken);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroup(g);
                var personKeys = new long[group.Rows];
                var householdKeys = new long[group.Rows];
                await group.ReadAsync(RosterColumns.PersonKey, personKeys.AsMemory(), cancellationToken);
                await group.ReadAsync(RosterColumns.HouseholdKey, householdKeys.AsMemory(), cancellationToken);
                persons.AddRange(personKeys, file.Bucket);
                foreach (var household in householdKeys)
                {
                    households.Add(household);
                }
            }
        }

        persons.Seal();
        return new RosterIndex(persons, households, buckets);
    }
}
