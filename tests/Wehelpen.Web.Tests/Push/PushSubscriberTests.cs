using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Wehelpen.Web.Tests.Push;

/// <summary><see cref="PushSubscriber.Decrypt"/> against the complete example of RFC 8291 (section 5 and Appendix A).</summary>
public sealed class PushSubscriberTests
{
    private const string UserAgentPrivateKey = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private const string UserAgentPublicKey = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private const string AuthSecret = "BTBZMqHH6r4Tts7J_aSIgg";
    private const string Body =
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml" +
        "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT" +
        "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    [Fact]
    public void The_example_of_RFC_8291_decrypts_to_its_plaintext()
    {
        var subscriber = RfcUserAgent();

        Assert.Equal(UserAgentPublicKey, subscriber.P256dh);
        Assert.Equal(AuthSecret, subscriber.Auth);
        Assert.Equal("When I grow up, I want to be a watermelon", subscriber.Decrypt(Base64Url.DecodeFromChars(Body)));
    }

    [Theory]
    [InlineData(17u, "rs is 17, below the minimum of 18")]
    [InlineData(57u, "the record is 58 bytes, more than rs 57: more than one record")]
    public void A_record_size_the_record_does_not_fit_is_refused(uint rs, string why)
    {
        var body = Base64Url.DecodeFromChars(Body);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(16), rs);

        Assert.Contains(why, Assert.ThrowsAny<CryptographicException>(() => RfcUserAgent().Decrypt(body)).Message);
    }

    [Fact]
    public void A_keyid_that_is_not_a_65_byte_public_key_is_refused()
    {
        var body = Base64Url.DecodeFromChars(Body);
        body[20] = 64;

        Assert.Contains("idlen is 64", Assert.ThrowsAny<CryptographicException>(() => RfcUserAgent().Decrypt(body)).Message);
    }

    [Theory]
    [InlineData(0)] // the salt: other keys
    [InlineData(100)] // the ciphertext
    [InlineData(143)] // the tag
    public void A_flipped_bit_in_salt_or_record_fails_the_authentication_tag(int index)
    {
        var body = Base64Url.DecodeFromChars(Body);
        body[index] ^= 0x01;

        Assert.Throws<AuthenticationTagMismatchException>(() => RfcUserAgent().Decrypt(body));
    }

    private static PushSubscriber RfcUserAgent()
    {
        var publicKey = P256.PublicKey(Base64Url.DecodeFromChars(UserAgentPublicKey));
        publicKey.D = Base64Url.DecodeFromChars(UserAgentPrivateKey);
        return PushSubscriber.FromKeys(publicKey, Base64Url.DecodeFromChars(AuthSecret));
    }
}
