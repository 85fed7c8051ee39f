using System.Net;
using System.Net.Sockets;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// Where this server may send pushes: a push service on the public internet, never a machine on a private network
/// (a subscription is typed by whoever is signed in, and must not make the server knock on internal doors). Checked
/// when a device subscribes (addresses written as numbers, local names) and again for every connection the sender
/// opens (the name's real address, so a name that points inward is refused too).
/// </summary>
public static class PushAddresses
{
    public static bool IsLoopbackName(string host) =>
        host is "localhost" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Names that only mean something inside a network.</summary>
    public static bool IsLocalName(string host) =>
        !host.Contains('.') || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".lan", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".home.arpa", StringComparison.OrdinalIgnoreCase) || IsLoopbackName(host);

    /// <summary>Not reachable from, or not meant for, the public internet.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC; // fc00::/7, unique local
        }
        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => true,
            100 => v4[1] is >= 64 and <= 127,     // carrier-grade NAT
            169 => v4[1] == 254,                  // link-local
            172 => v4[1] is >= 16 and <= 31,
            192 => v4[1] == 168 || (v4[1] == 0 && v4[2] is 0 or 2), // private, IETF, TEST-NET-1
            198 => v4[1] is 18 or 19,             // benchmarking
            >= 224 => true,                       // multicast and reserved
            _ => false,
        };
    }
}
