using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Accounts.Passwords;

/// <summary>
/// What a password must be besides Identity's 8 characters (AccountsExtensions): at most <see cref="MaxLength"/>,
/// not one of the most common passwords, and not containing the person's email address or name. No rules about
/// digits or capitals: a few ordinary words are long, easy to remember and hard to guess. Identity applies this
/// wherever a password is set: registering, a reset, a change.
/// </summary>
internal sealed class PasswordRules(CommonPasswords common, IOptions<IdentityOptions> identity, IStringLocalizer<SharedResource> text)
    : IPasswordValidator<ApplicationUser>
{
    /// <summary>Room for any passphrase or password manager; beyond it a form or app has gone wrong.</summary>
    public const int MaxLength = 256;

    /// <summary>Shorter parts of a name or address ("Jan", "an@") are common words and letters, not the person.</summary>
    public const int ShortestPart = 4;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        // Too short is Identity's own message; one thing at a time.
        if (string.IsNullOrEmpty(password) || password.Length < identity.Value.Password.RequiredLength) return Ok();
        if (password.Length > MaxLength) return Refuse("PasswordTooLong", text["Identity.PasswordTooLong", MaxLength]);
        if (common.Contains(password)) return Refuse("PasswordTooCommon", text["Identity.PasswordTooCommon"]);
        if (EmailParts(user.Email).Any(part => password.Contains(part, StringComparison.OrdinalIgnoreCase)))
            return Refuse("PasswordContainsEmail", text["Identity.PasswordContainsEmail"]);
        if (NameParts(user.DisplayName).Any(part => password.Contains(part, StringComparison.OrdinalIgnoreCase)))
            return Refuse("PasswordContainsName", text["Identity.PasswordContainsName"]);
        return Ok();
    }

    /// <summary>The whole address, and the part before the @ when it is long enough to be the person's own.</summary>
    private static IEnumerable<string> EmailParts(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) yield break;
        var trimmed = email.Trim();
        yield return trimmed;
        var at = trimmed.LastIndexOf('@');
        if (at >= ShortestPart) yield return trimmed[..at];
    }

    /// <summary>The whole name and each word of it long enough to be a name rather than "de" or "van".</summary>
    private static IEnumerable<string> NameParts(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return [];
        var trimmed = name.Trim();
        var words = trimmed.Split([' ', '-', '.', ',', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Prepend(trimmed).Where(part => part.Length >= ShortestPart).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private static Task<IdentityResult> Ok() => Task.FromResult(IdentityResult.Success);

    // The codes start with "Password": the account flows show them at the password field.
    private static Task<IdentityResult> Refuse(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
