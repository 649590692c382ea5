using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// One 시군구's own-discovery index for a quarter, as read from <c>discovery/&lt;Q&gt;/&lt;sigungu&gt;.bin</c>: every resident
/// with crisis information who was not dispatched, in roster order. Immutable.
/// </summary>
public sealed record DiscoveryIndex(string Quarter, string Sigungu, IReadOnlyList<string> FeedCodes, IReadOnlyList<Variant> Variants, IReadOnlyList<DiscoveryPerson> People);
