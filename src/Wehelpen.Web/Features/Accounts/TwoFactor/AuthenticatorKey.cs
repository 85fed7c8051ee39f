using QRCoder;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

/// <summary>What a person needs to add Wehelpen to their authenticator app: the key to type, or the QR code to scan.</summary>
public sealed record AuthenticatorKey(string SharedKey, string AccountName)
{
    public const string Issuer = "Wehelpen";

    /// <summary>"ABCD EFGH …": groups of four are easier to read aloud and to type without losing one's place.</summary>
    public string Grouped => string.Join(' ', SharedKey.Chunk(4).Select(c => new string(c)));

    /// <summary>The otpauth:// address that the QR code holds (Google's Key Uri Format, read by every common app).</summary>
    public string Uri =>
        $"otpauth://totp/{Escape(Issuer)}:{Escape(AccountName)}?secret={SharedKey}&issuer={Escape(Issuer)}&digits=6&period=30";

    /// <summary>The QR code as SVG, drawn here: the key never goes to an online QR service.</summary>
    public byte[] QrSvg()
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8);
        return System.Text.Encoding.UTF8.GetBytes(svg);
    }

    private static string Escape(string text) => System.Uri.EscapeDataString(text);
}
