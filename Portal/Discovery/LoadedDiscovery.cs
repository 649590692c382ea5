using BlindSpot.Dispatch.Discovery;

namespace BlindSpot.Portal.Discovery;

/// <summary>
/// One 시군구's discovery index as the portal holds it: the people, each person's reason kinds as a bit mask (bit k =
/// <see cref="Cases.ReasonKinds.All"/>[k], from their feeds), and the version of the file it came from, which a form
/// carries so that a choice made on one version is never applied to another.
/// </summary>
internal sealed record LoadedDiscovery(DiscoveryIndex Index, ushort[] Kinds, string Version);
