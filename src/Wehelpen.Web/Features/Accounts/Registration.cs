using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Privacy.Statement;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Localization;

namespace Wehelpen.Web.Features.Accounts;

/// <param name="AcceptPrivacyStatement">Must be true: the person read and accepts the current privacy statement.</param>
public sealed record RegistrationInput(
    string? Email, string? Password, string? DisplayName, IReadOnlyList<string>? Roles, string? Postcode, string? Language,
    bool? AcceptPrivacyStatement = null);

/// <summary>
/// Registering a new person: one use case for the page and the API. The account and its roles are written in one
/// transaction; the confirmation mail goes out after that.
/// </summary>
public sealed class Registration(
    WehelpenDbContext db,
    UserManager<ApplicationUser> users,
    PostcodeTable postcodes,
    AccountEmails emails,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<Registration> logger)
{
    public const int DisplayNameMaxLength = 80;

    public async Task<(ApplicationUser? User, FieldErrors Errors)> RegisterAsync(RegistrationInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var displayName = input.DisplayName?.Trim() ?? "";
        var email = input.Email?.Trim() ?? "";
        var roles = (input.Roles ?? []).Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();

        if (displayName.Length == 0) errors.Add("displayName", text["Validation.DisplayNameRequired"]);
        else if (displayName.Length > DisplayNameMaxLength) errors.Add("displayName", text["Validation.DisplayNameTooLong", DisplayNameMaxLength]);
        if (email.Length == 0) errors.Add("email", text["Validation.EmailRequired"]);
        else if (!EmailAddress.IsValid(email)) errors.Add("email", text["Identity.InvalidEmail", email]);
        if (string.IsNullOrEmpty(input.Password)) errors.Add("password", text["Validation.PasswordRequired"]);
        if (roles.Count == 0) errors.Add("roles", text["Validation.RolesRequired"]);
        else if (roles.Any(r => !Accounts.Roles.SelfChosen.Contains(r))) errors.Add("roles", text["Validation.RoleUnknown"]);
        if (input.AcceptPrivacyStatement != true) errors.Add("acceptPrivacyStatement", text["PrivacyStatement.AcceptRequired"]);

        PostcodeLookup? place = null;
        if (!string.IsNullOrWhiteSpace(input.Postcode))
        {
            place = postcodes.Lookup(input.Postcode);
            if (!place.IsUsable) errors.Add("postcode", PostcodeMessages.For(place, text));
        }
        if (errors.Any) return (null, errors);

        var now = clock.GetUtcNow();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName,
            PreferredLanguage = LocalizationExtensions.Normalise(input.Language),
            CreatedAt = now,
            // What was accepted, and when: the statement may change, the record of this acceptance does not.
            PrivacyStatementVersion = PrivacyStatement.Version,
            PrivacyStatementAcceptedAt = now,
        };
        if (place is { IsUsable: true }) user.MoveTo(place);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded) return (null, IdentityErrors.ToFields(created, errors));
        var withRoles = await users.AddToRolesAsync(user, roles);
        if (!withRoles.Succeeded) return (null, IdentityErrors.ToFields(withRoles, errors));
        await transaction.CommitAsync(ct);

        // The account exists now. If the mail server is down, saying "failed" would make the person register
        // again and hear that the address is taken; the next page offers "send the email again" instead.
        try { await emails.SendConfirmationAsync(user, ct); }
        catch (Exception e) when (e is System.Net.Mail.SmtpException or IOException)
        {
            logger.LogError(e, "Could not send the confirmation email for new account {UserId}", user.Id);
        }
        return (user, errors);
    }
}

internal static class EmailAddress
{
    public static bool IsValid(string email) =>
        new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) && email.Length <= 256;
}

internal static class IdentityErrors
{
    /// <summary>Identity reports errors by code; each is shown at the field it is about.</summary>
    public static FieldErrors ToFields(IdentityResult result, FieldErrors errors)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "password",
                _ when error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) => "email",
                _ => "",
            };
            errors.Add(field, error.Description);
        }
        return errors;
    }
}
