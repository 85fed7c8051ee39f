using Wehelpen.Web.Features.Accounts.TwoFactor;

namespace Wehelpen.Web.Tests.Accounts.TwoFactor;

/// <summary>The codes the tests type are an authenticator app's: RFC 6238's own test values (SHA-1, 6 of its 8 digits).</summary>
public sealed class TotpTests
{
    // "12345678901234567890" in base32, the RFC's SHA-1 seed.
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1111111111, "050471")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Codes_are_those_of_RFC_6238(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.CodeAt(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void The_key_may_be_typed_in_groups_and_in_lower_case() =>
        Assert.Equal(Totp.CodeAt(RfcKey, DateTimeOffset.FromUnixTimeSeconds(59)),
            Totp.CodeAt("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", DateTimeOffset.FromUnixTimeSeconds(59)));
}
