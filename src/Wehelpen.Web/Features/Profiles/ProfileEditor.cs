using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Localization;

namespace Wehelpen.Web.Features.Profiles;

/// <summary>
/// Reading and changing one's own profile: one use case for the page and the API. Everything is checked first and
/// then written in one transaction, so a bad postcode never leaves a half-changed profile behind.
/// </summary>
public sealed class ProfileEditor(
    WehelpenDbContext db,
    UserManager<ApplicationUser> users,
    PostcodeTable postcodes,
    Pc4Areas areas,
    PersonRows people,
    IEnumerable<IProfileSaved> followers,
    IStringLocalizer<SharedResource> text)
{
    public async Task<ProfileResponse?> GetAsync(string userId, CancellationToken ct)
    {
        var person = await people.GetAsync(userId, ct);
        return person is null ? null : Describe(person.User, person.Volunteer, person.Roles);
    }

    public async Task<(ProfileResponse? Profile, FieldErrors Errors)> UpdateAsync(string userId, ProfileUpdate update, CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        var profile = await VolunteerAsync(userId, ct);
        var errors = new FieldErrors();

        var displayName = update.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0) errors.Add("displayName", text["Validation.DisplayNameRequired"]);
        else if (displayName.Length > Registration.DisplayNameMaxLength)
            errors.Add("displayName", text["Validation.DisplayNameTooLong", Registration.DisplayNameMaxLength]);

        PostcodeLookup? place = null;
        if (!string.IsNullOrWhiteSpace(update.Postcode))
        {
            place = postcodes.Lookup(update.Postcode);
            if (!place.IsUsable) errors.Add("postcode", PostcodeMessages.For(place, text));
        }

        var chosenRoles = (update.Roles ?? []).Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();
        if (chosenRoles.Count == 0) errors.Add("roles", text["Validation.RolesRequired"]);
        else if (chosenRoles.Any(r => !Roles.SelfChosen.Contains(r))) errors.Add("roles", text["Validation.RoleUnknown"]);

        var volunteer = chosenRoles.Contains(Roles.Volunteer) ? ValidateVolunteer(update.Volunteer, errors) : null;
        if (errors.Any) return (null, errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = displayName;
        if (update.Language is not null) user.PreferredLanguage = LocalizationExtensions.Normalise(update.Language);
        if (place is null) user.ClearPlace(); else user.MoveTo(place);
        if (volunteer is not null)
        {
            if (profile is null) db.Add(profile = new VolunteerProfile { UserId = user.Id });
            (profile.Categories, profile.ServiceRadiusKm, profile.Availability, profile.ServiceAreas) = volunteer.Value;
        }
        await db.SaveChangesAsync(ct);

        // Roles people may not give themselves (admin) are kept as they are.
        var current = await users.GetRolesAsync(user);
        var remove = current.Where(r => Roles.SelfChosen.Contains(r) && !chosenRoles.Contains(r)).ToList();
        var add = chosenRoles.Where(r => !current.Contains(r)).ToList();
        if (remove.Count > 0) ThrowIfFailed(await users.RemoveFromRolesAsync(user, remove));
        if (add.Count > 0) ThrowIfFailed(await users.AddToRolesAsync(user, add));
        await transaction.CommitAsync(ct);
        people.Forget(user.Id);
        foreach (var follower in followers) await follower.ProfileSavedAsync(user.Id, ct);

        return (await DescribeAsync(user, profile), errors);
    }

    private Task<VolunteerProfile?> VolunteerAsync(string userId, CancellationToken ct) =>
        db.Set<VolunteerProfile>().SingleOrDefaultAsync(v => v.UserId == userId, ct);

    private (HelpCategories, int, WeeklyAvailability, string?)? ValidateVolunteer(VolunteerSettings? settings, FieldErrors errors)
    {
        var categories = HelpCategories.None;
        foreach (var name in settings?.Categories ?? [])
        {
            if (Enum.TryParse<HelpCategories>(name, ignoreCase: true, out var category) && HelpCategory.Each.Contains(category))
                categories |= category;
            else
                errors.Add("volunteer.categories", text["Validation.CategoryUnknown", name]);
        }
        if (categories == HelpCategories.None && settings?.Categories is not { Count: > 0 })
            errors.Add("volunteer.categories", text["Validation.CategoriesRequired"]);

        var radius = settings?.ServiceRadiusKm ?? VolunteerProfile.DefaultRadiusKm;
        if (radius is < VolunteerProfile.MinRadiusKm or > VolunteerProfile.MaxRadiusKm)
            errors.Add("volunteer.serviceRadiusKm", text["Validation.RadiusRange", VolunteerProfile.MinRadiusKm, VolunteerProfile.MaxRadiusKm]);

        var availability = WeeklyAvailability.From((settings?.Availability ?? []).Select(s => (s.Day, s.Part)));
        return (categories, radius, availability, ValidateAreas(settings?.Areas, errors));
    }

    /// <summary>The chosen PC4 areas as stored, or null for none; every code must be a PC4 where people live.</summary>
    private string? ValidateAreas(IReadOnlyList<string>? chosen, FieldErrors errors)
    {
        var codes = (chosen ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var code in codes)
        {
            var lookup = postcodes.Lookup(code);
            if (code.Length != 4 || !lookup.IsUsable || areas.Cell(code) is null)
                errors.Add("volunteer.areas", text["Validation.AreaUnknown", code]);
        }
        if (codes.Count > Pc4Areas.MaxChosen) errors.Add("volunteer.areas", text["Validation.AreasTooMany", Pc4Areas.MaxChosen]);
        return codes.Count == 0 ? null : string.Join(' ', codes);
    }

    private async Task<ProfileResponse> DescribeAsync(ApplicationUser user, VolunteerProfile? profile) =>
        Describe(user, profile, (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList());

    private ProfileResponse Describe(ApplicationUser user, VolunteerProfile? profile, IReadOnlyList<string> roles)
    {
        PlaceResponse? place = null;
        if (user.Pc4 is not null && postcodes.Find(user.Pc4) is { } area)
            place = new PlaceResponse(user.Postcode!, user.Pc4, area.Place, area.Centre.Latitude, area.Centre.Longitude);
        var volunteer = profile is { } v
            ? new VolunteerSettings(
                HelpCategory.Split(v.Categories).Select(c => JsonName(c.ToString())).ToList(),
                v.ServiceRadiusKm,
                v.Availability.Slots().Select(s => new AvailabilitySlot(s.Day, s.Part)).ToList(),
                v.ChosenAreas)
            : null;
        return new ProfileResponse(user.Id, user.Email!, user.DisplayName, user.PreferredLanguage, roles, place, volunteer);
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
