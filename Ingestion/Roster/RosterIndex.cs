using BlindSpot.Core.Catalog;

namespace BlindSpot.Ingestion.Roster;

/// <summary>The quarter's person and household keys, to count feed rows whose key the roster does not know. Read-only once built.</summary>
internal sealed class RosterIndex(LongSet persons, LongSet households)
{
    public bool Contains(FeedUnit unit, long key) => unit == FeedUnit.Person ? persons.Contains(key) : households.Contains(key);
}
