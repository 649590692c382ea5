using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Dispatch.Register;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// The quarter's register as the own-discovery index needs it: the person keys of its entries, and of those dispatched
/// as a household (their whole household is on the entry). Small (the quotas' size, not the population's), read once
/// and looked up by every bucket. Immutable.
/// </summary>
internal sealed class DiscoveryDispatched
{
    private DiscoveryDispatched(HashSet<long> people, HashSet<long> asHousehold)
    {
        People = people;
        AsHousehold = asHousehold;
    }

    /// <summary>Person keys of every entry, any variant.</summary>
    public IReadOnlySet<long> People { get; }

    /// <summary>Person keys of the household variant's entries.</summary>
    public IReadOnlySet<long> AsHousehold { get; }

    public static DiscoveryDispatched Read(string register, Pseudonymizer pseudonymizer)
    {
        var people = new HashSet<long>();
        var asHousehold = new HashSet<long>();
        foreach (var entry in DispatchRegister.Read(register))
        {
            var key = pseudonymizer.Person(entry.ResidentNumber).Value;
            people.Add(key);
            if (entry.Variant == Variant.Household)
            {
                asHousehold.Add(key);
            }
        }

        return new DiscoveryDispatched(people, asHousehold);
    }
}
