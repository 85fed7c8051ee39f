using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Localization;

namespace Wehelpen.Web.Features.Accounts;

/// <param name="AcceptPrivacyStatement">Must be true: the person read and accepts the current privacy statement.</param>
public sealed record RegistrationInput(
    string? Email, string? Password, string? DisplayName, IReadOnlyList<string>? Roles, string? Postcode, string? Language,
    bool? AcceptPrivacyStatement = null);

/// <summary>
/// What a registration answers, the same whether the address was free or already had an account: only what the
/// person sent, tidied (no id: a made-up one for a taken address could be told apart from a real one sooner or later).
/// </summary>
public sealed record Registered(string Email, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>
/// Registering a new person: one use case for the page and the API. The account and its roles are written in one
/// transaction; the confirmation mail goes out after the answer (<see cref="AccountMailQueue"/>).
/// An address that already has an account gets the same answer, in about the same time (the password is checked and
/// hashed all the same), and nothing is written: its owner is mailed instead (<see cref="AccountMailKind.RegistrationAttempt"/>).
/// </summary>
public sealed class Registration(
    WehelpenDbContext db,
    UserManager<ApplicationUser> users,
    PostcodeTable postcodes,
    AccountEmails emails,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    public const int DisplayNameMaxLength = 80;

    public async Task<Outcome<Registered>> RegisterAsync(RegistrationInput input, CancellationToken ct)
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
        if (errors.Any) return errors;

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
        var registered = new Registered(email, displayName, roles);

        if (await users.FindByEmailAsync(email) is not null) return await TakenAsync(user, input.Password!, registered, errors, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, input.Password!);
        // Taken in the moment since the look-up (two registrations at once): the same as taken before.
        if (!created.Succeeded && created.Errors.All(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            return await TakenAsync(user, input.Password!, registered, errors, ct);
        if (!created.Succeeded) return IdentityErrors.ToFields(created, errors);
        var withRoles = await users.AddToRolesAsync(user, roles);
        if (!withRoles.Succeeded) return IdentityErrors.ToFields(withRoles, errors);
        await transaction.CommitAsync(ct);

        // After the answer: if the mail server is down, the account exists all the same, and the next page offers
        // "send the email again".
        await emails.RequestConfirmationAsync(user.Email, ct);
        return registered;
    }

    /// <summary>
    /// The password must pass the same rules as for a new account (else the answer would differ), and is hashed as it
    /// would be; then the owner is mailed. Nothing is stored.
    /// </summary>
    private async Task<Outcome<Registered>> TakenAsync(ApplicationUser candidate, string password, Registered registered, FieldErrors errors, CancellationToken ct)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, candidate, password);
            if (!valid.Succeeded) IdentityErrors.ToFields(valid, errors);
        }
        if (errors.Any) return errors;
        _ = users.PasswordHasher.HashPassword(candidate, password);
        await emails.RequestRegistrationAttemptAsync(candidate.Email!, ct);
        return registered;
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
