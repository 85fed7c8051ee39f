using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

/// <summary>Codes as people type them: "123 456" is 123456, a recovery code may come in lower case or without its dash.</summary>
public static class TwoFactorCodes
{
    public static string Normalise(string? code) =>
        new((code ?? "").Where(ch => !char.IsWhiteSpace(ch) && ch != '-').ToArray());

    public static bool LooksLikeCode(string normalised) => normalised.Length == 6 && normalised.All(char.IsAsciiDigit);

    /// <summary>Identity makes recovery codes as "XXXXX-XXXXX" in capitals.</summary>
    public static string NormaliseRecovery(string? code)
    {
        var plain = Normalise(code).ToUpperInvariant();
        return plain.Length == 10 ? $"{plain[..5]}-{plain[5..]}" : plain;
    }

    public static Refusal TooMany(IStringLocalizer<SharedResource> text, TimeSpan wait) =>
        new(StatusCodes.Status429TooManyRequests, wait <= TimeSpan.FromHours(1)
            ? text["TwoStep.TooMany.Minutes", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))]
            : text["TwoStep.TooMany.Hours", (int)Math.Ceiling(wait.TotalHours)]);
}
