using System.Net;
using System.Net.Sockets;

namespace BlindSpot.Portal.Security;

/// <summary>Reads a <see cref="PortalOptions.KnownProxies"/> entry: one address (a network of one) or a network in CIDR form.</summary>
internal static class ProxyAddresses
{
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        var trimmed = text?.Trim() ?? "";
        if (IPAddress.TryParse(trimmed, out var address) && !trimmed.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(trimmed, out network);
    }
}
