using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Dispatch.Register;

/// <summary>
/// Who was dispatched under which worklist id, as pseudonyms: what the portal's case store links a person's cases
/// across quarters by. Resident numbers never leave this class; only their pseudonyms (the ingestion key) do.
/// </summary>
public static class DispatchedPeople
{
    /// <summary>Person key per worklist id of <paramref name="sigungu"/> in <paramref name="quarter"/>'s register; empty when there is none.</summary>
    public static IReadOnlyDictionary<string, long> KeysByWorklistId(DataRoot root, Quarter quarter, string sigungu, Pseudonymizer pseudonymizer)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        return DispatchRegister.Read(root.PastDispatches(quarter))
            .Where(e => e.WorklistId is { Length: > 0 } && e.SigunguCode == sigungu)
            .GroupBy(e => e.WorklistId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => pseudonymizer.Person(g.First().ResidentNumber).Value, StringComparer.Ordinal);
    }
}
