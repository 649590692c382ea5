using BlindSpot.Core.Keys;

namespace BlindSpot.Features.Roster;

/// <summary>
/// The roster's person and household keys → dense indices, for folding the lake. Kept apart from <see cref="RosterTable"/>
/// because only the fold needs them: at 9 million people they are ~400 MB that the write phase can do without.
/// </summary>
internal sealed record RosterKeys(KeyIndex Persons, KeyIndex Households);
