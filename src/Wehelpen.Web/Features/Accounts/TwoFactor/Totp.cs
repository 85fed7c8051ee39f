using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

/// <summary>
/// The code an authenticator app shows for a key (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits). Sign-in never uses
/// this: Identity's AuthenticatorTokenProvider checks the codes people type. It exists for the demo's hint (the
/// current code of a demo account, Development only) and for the tests, which must type a code as an app would;
/// docs/decisions/two-step-codes.md says why it is ours and not a package.
/// </summary>
public static class Totp
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <param name="base32Key">The key as Identity stores it and the person types it: base32, spaces allowed.</param>
    public static string CodeAt(string base32Key, DateTimeOffset moment)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, moment.ToUnixTimeSeconds() / (long)Step.TotalSeconds);
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var number = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF;
        return (number % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var ch in text.ToUpperInvariant())
        {
            if (ch is ' ' or '=' or '-') continue;
            var value = alphabet.IndexOf(ch);
            if (value < 0) throw new FormatException("Not a base32 key.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }
}
