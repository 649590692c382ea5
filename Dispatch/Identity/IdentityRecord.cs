namespace BlindSpot.Dispatch.Identity;

/// <summary>What an official needs to find a dispatched person. Restricted: only ever written to that person's own 시군구 worklist.</summary>
internal sealed record IdentityRecord(string ResidentNumber, string HouseholdNumber, string Name, string Address, string Phone);
