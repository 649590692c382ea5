using BlindSpot.Core.Catalog;
using BlindSpot.Core.Partitioning;

namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// The quarter's person and household keys and its buckets: which feed rows' keys the roster does not know, and the
/// bucket each feed row goes to. Read-only once built.
/// </summary>
internal sealed class RosterIndex(PersonBuckets persons, LongSet households, Buckets buckets)
{
    public Buckets Buckets => buckets;

    public bool Contains(FeedUnit unit, long key) => unit == FeedUnit.Person ? persons.BucketOf(key) >= 0 : households.Contains(key);

    /// <summary>
    /// The bucket of a feed row: its household's. A person the roster does not know goes where its key would fall as a
    /// household key, so the row stays in the lake (and is counted unknown) in a bucket every reader can compute.
    /// </summary>
    public int BucketOf(FeedUnit unit, long key) => Find(unit, key).Bucket;

    /// <summary>The bucket of a feed row (<see cref="BucketOf"/>) and whether the roster knows its key, in one lookup.</summary>
    public (int Bucket, bool Known) Find(FeedUnit unit, long key)
    {
        if (unit == FeedUnit.Person)
        {
            var bucket = persons.BucketOf(key);
            return bucket >= 0 ? (bucket, true) : (buckets.Of(key), false);
        }

        return (buckets.Of(key), households.Contains(key));
    }
}
