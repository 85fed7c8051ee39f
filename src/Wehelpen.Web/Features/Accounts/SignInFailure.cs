using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>
/// One wrong password (or any password for an address without an account), kept only as long as the throttle looks
/// back (<see cref="SignInThrottle"/>). No user id and no address in the clear: hashes of what was typed, so an unknown
/// address counts exactly as a known one, and a row says nothing about whether the address has an account.
/// </summary>
public sealed class SignInFailure
{
    public const int HashLength = 64;

    public long Id { get; set; }

    /// <summary>The normalised email address, hashed (<see cref="SignInKeys.AccountOf"/>).</summary>
    public string AccountHash { get; set; } = "";

    /// <summary>The normalised email address and the client's network, hashed together (<see cref="SignInKeys.Client"/>).</summary>
    public string ClientHash { get; set; } = "";

    public DateTimeOffset FailedAt { get; set; }
}

/// <summary>What the throttle counts by: the address typed, and that address from one client network.</summary>
public sealed record SignInKeys(string Account, string Client)
{
    public static SignInKeys For(string normalisedEmail, IPAddress? client) =>
        new(AccountOf(normalisedEmail), Hash($"client|{normalisedEmail}|{Network(client)}"));

    public static string AccountOf(string normalisedEmail) => Hash($"account|{normalisedEmail}");

    /// <summary>
    /// An IPv4 address as it is; IPv6 by its /64, which one household or phone has whole (counting single IPv6 addresses
    /// would give a guesser 2^64 fresh starts).
    /// </summary>
    public static string Network(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"wehelpen-sign-in|{text}")));
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> failure)
    {
        failure.ToTable("SignInFailures");
        failure.Property(f => f.AccountHash).HasMaxLength(SignInFailure.HashLength).IsRequired();
        failure.Property(f => f.ClientHash).HasMaxLength(SignInFailure.HashLength).IsRequired();
        failure.HasIndex(f => new { f.AccountHash, f.FailedAt });
        failure.HasIndex(f => new { f.ClientHash, f.FailedAt });
        failure.HasIndex(f => f.FailedAt);
    }
}
