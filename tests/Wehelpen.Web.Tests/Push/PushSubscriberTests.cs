using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Wehelpen.Web.Tests.Push;

/// <summary><see cref="PushSubscriber.Decrypt"/> against the complete example of RFC 8291 (section 5 and Appendix A), and what it refuses.</summary>
public sealed class PushSubscriberTests
{
    [Fact]
    public void The_example_of_RFC_8291_decrypts_to_its_plaintext()
    {
        var subscriber = Rfc8291Example.UserAgent();

        Assert.Equal(Rfc8291Example.UserAgentPublicKey, subscriber.P256dh);
        Assert.Equal(Rfc8291Example.AuthSecret, subscriber.Auth);
        Assert.Equal(Rfc8291Example.Plaintext, subscriber.Decrypt(Base64Url.DecodeFromChars(Rfc8291Example.Body)));
    }

    [Fact]
    public void The_tests_own_encryption_makes_the_RFC_example_byte_for_byte()
    {
        byte[] padded = [.. Encoding.UTF8.GetBytes(Rfc8291Example.Plaintext), 0x02];

        Assert.Equal(Rfc8291Example.Body, Base64Url.EncodeToString(Rfc8291Example.Encrypt(padded)));
    }

    [Fact]
    public void Zero_padding_after_the_delimiter_is_stripped()
    {
        byte[] padded = [.. "Hallo"u8, 0x02, 0x00, 0x00, 0x00, 0x00];

        Assert.Equal("Hallo", Rfc8291Example.UserAgent().Decrypt(Rfc8291Example.Encrypt(padded)));
    }

    [Theory]
    [InlineData(new byte[] { 0x48, 0x01 }, "delimiter 0x01")] // the delimiter of a record that is not the last
    [InlineData(new byte[] { 0x48, 0x02, 0x00, 0x07 }, "delimiter 0x07")] // padding that is not zeros
    [InlineData(new byte[] { 0x00, 0x00 }, "all padding")]
    [InlineData(new byte[] { 0xff, 0x02 }, "not UTF-8")]
    public void A_plaintext_that_does_not_end_in_delimiter_0x02_and_zeros_or_is_not_UTF_8_is_refused(byte[] padded, string why)
    {
        var refused = Assert.ThrowsAny<CryptographicException>(() => Rfc8291Example.UserAgent().Decrypt(Rfc8291Example.Encrypt(padded)));

        Assert.Contains(why, refused.Message);
    }

    [Theory]
    [InlineData(17u, "rs is 17, below the minimum of 18")]
    [InlineData(57u, "the record is 58 bytes, more than rs 57: more than one record")]
    public void A_record_size_the_record_does_not_fit_is_refused(uint rs, string why)
    {
        var body = Base64Url.DecodeFromChars(Rfc8291Example.Body);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(16), rs);

        Assert.Contains(why, Assert.ThrowsAny<CryptographicException>(() => Rfc8291Example.UserAgent().Decrypt(body)).Message);
    }

    [Fact]
    public void A_keyid_that_is_not_a_65_byte_public_key_is_refused()
    {
        var body = Base64Url.DecodeFromChars(Rfc8291Example.Body);
        body[20] = 64;

        Assert.Contains("idlen is 64", Assert.ThrowsAny<CryptographicException>(() => Rfc8291Example.UserAgent().Decrypt(body)).Message);
    }

    [Theory]
    [InlineData(0)] // the salt: other keys
    [InlineData(100)] // the ciphertext
    [InlineData(143)] // the tag
    public void A_flipped_bit_in_salt_or_record_fails_the_authentication_tag(int index)
    {
        var body = Base64Url.DecodeFromChars(Rfc8291Example.Body);
        body[index] ^= 0x01;

        Assert.Throws<AuthenticationTagMismatchException>(() => Rfc8291Example.UserAgent().Decrypt(body));
    }
}
