using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Audit;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>
/// Admins add, change and delete organisations. A change carries the version it started from: when another admin saved
/// in between, it is refused with who did it and when, and nothing is overwritten.
/// </summary>
public sealed partial class OrganisationEditing(WehelpenDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<Outcome<OrganisationResponse>> CreateAsync(string adminId, OrganisationInput input, CancellationToken ct)
    {
        var organisation = new Organisation();
        var errors = await ApplyAsync(organisation, input, ct);
        if (errors.Any) return errors;
        Stamp(organisation, adminId);
        db.Add(organisation);
        audit.Record(adminId, AuditActions.SocialMapCreate, AuditTargets.Organisation, organisation.Id.ToString());
        await db.SaveChangesAsync(ct);
        return await DescribedAsync(organisation.Id, ct);
    }

    public async Task<Outcome<OrganisationResponse>> UpdateAsync(string adminId, Guid id, OrganisationInput input, CancellationToken ct)
    {
        var organisation = await db.Set<Organisation>().Include(o => o.UpdatedBy).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return NotFound();
        var errors = await ApplyAsync(organisation, input, ct);
        if (input.Version is not { } version) errors.Add("version", text["SocialMap.VersionRequired"]);
        if (errors.Any) return errors;
        if (organisation.Version != input.Version) return Conflict(organisation);
        Stamp(organisation, adminId);
        organisation.Version++;
        audit.Record(adminId, AuditActions.SocialMapEdit, AuditTargets.Organisation, id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another admin saved between our read and our write.
            db.ChangeTracker.Clear();
            var current = await db.Set<Organisation>().AsNoTracking().Include(o => o.UpdatedBy).SingleOrDefaultAsync(o => o.Id == id, ct);
            return current is null ? NotFound() : Conflict(current);
        }
        return await DescribedAsync(id, ct);
    }

    public async Task<Outcome<Done>> DeleteAsync(string adminId, Guid id, CancellationToken ct)
    {
        var organisation = await db.Set<Organisation>().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return NotFound();
        // Referrals keep the organisation's name; their link becomes null (ON DELETE SET NULL).
        db.Remove(organisation);
        audit.Record(adminId, AuditActions.SocialMapDelete, AuditTargets.Organisation, id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another admin changed or deleted it in the meantime: nothing is deleted, and nothing recorded.
            db.ChangeTracker.Clear();
            var current = await db.Set<Organisation>().AsNoTracking().Include(o => o.UpdatedBy).SingleOrDefaultAsync(o => o.Id == id, ct);
            return current is null ? NotFound() : Conflict(current);
        }
        return Done.Instance;
    }

    private Refusal NotFound() => Refusal.NotFound(text["SocialMap.OrganisationNotFound"]);

    private Refusal Conflict(Organisation current) => Refusal.Conflict(text["SocialMap.Conflict",
        current.UpdatedBy?.DisplayName ?? text["SocialMap.AnotherAdmin"].Value,
        current.UpdatedAt is { } at ? at.ToAmsterdam().ToString("d MMMM yyyy HH:mm") : ""]);

    private void Stamp(Organisation organisation, string adminId)
    {
        organisation.UpdatedAt = clock.GetUtcNow();
        organisation.UpdatedById = adminId;
    }

    private async Task<OrganisationResponse> DescribedAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var saved = await db.Set<Organisation>().AsNoTracking().Include(o => o.UpdatedBy).SingleAsync(o => o.Id == id, ct);
        return SocialMapQueries.Describe(saved);
    }

    /// <summary>Checks every field and, when all are right, puts them on the organisation; otherwise leaves it as it was.</summary>
    private async Task<FieldErrors> ApplyAsync(Organisation organisation, OrganisationInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var stadsdeel = SocialMapQueries.FindStadsdeel(input.Stadsdeel?.Trim());
        if (stadsdeel is null)
            errors.Add("stadsdeel", string.IsNullOrWhiteSpace(input.Stadsdeel) ? text["SocialMap.StadsdeelRequired"] : text["SocialMap.StadsdeelUnknown", input.Stadsdeel]);
        var name = errors.Required(text, "name", input.Name, Organisation.NameMaxLength);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", text["SocialMap.KindRequired"]);
        var lead = input.IsAllianceLead ?? false;
        if (lead && input.Kind is not OrganisationKind.AlliancePartner) errors.Add("isAllianceLead", text["SocialMap.LeadOnlyPartner"]);
        var whatTheyDo = errors.Required(text, "whatTheyDo", input.WhatTheyDo, Organisation.WhatTheyDoMaxLength);
        var phone = errors.Optional(text, "phone", input.Phone, Organisation.PhoneMaxLength);
        if (phone is not null && !IsPhone(phone)) errors.Add("phone", text["SocialMap.PhoneInvalid"]);
        var email = errors.Optional(text, "email", input.Email, Organisation.EmailMaxLength);
        if (email is not null && !IsEmail(email)) errors.Add("email", text["SocialMap.EmailInvalid"]);
        var website = errors.Optional(text, "website", input.Website, Organisation.WebsiteMaxLength);
        if (website is not null)
        {
            website = Website(website);
            if (website is null) errors.Add("website", text["SocialMap.WebsiteInvalid"]);
            else if (website.Length > Organisation.WebsiteMaxLength) errors.Add("website", text["Validation.TextTooLong", Organisation.WebsiteMaxLength, website.Length]);
        }
        var address = errors.Optional(text, "address", input.Address, Organisation.AddressMaxLength);
        var hours = errors.Optional(text, "openingHours", input.OpeningHours, Organisation.OpeningHoursMaxLength);
        var notes = errors.Optional(text, "notes", input.Notes, Organisation.NotesMaxLength);
        if (lead && stadsdeel is not null)
        {
            // One trekker per alliance: the page says "trekker" of one organisation per stadsdeel.
            var otherLead = await db.Set<Organisation>().AsNoTracking()
                .Where(o => o.StadsdeelCode == stadsdeel.Code && o.IsAllianceLead && o.Id != organisation.Id)
                .Select(o => o.Name).FirstOrDefaultAsync(ct);
            if (otherLead is not null) errors.Add("isAllianceLead", text["SocialMap.LeadTaken", otherLead, stadsdeel.Name]);
        }
        if (errors.Any) return errors;

        organisation.StadsdeelCode = stadsdeel!.Code;
        organisation.Name = name;
        organisation.Kind = input.Kind!.Value;
        organisation.IsAllianceLead = lead;
        organisation.WhatTheyDo = whatTheyDo;
        (organisation.Phone, organisation.Email, organisation.Website) = (phone, email, website);
        (organisation.Address, organisation.OpeningHours, organisation.Notes) = (address, hours, notes);
        return errors;
    }

    /// <summary>Digits with the usual separators, optionally starting with +: "020 123 4567", "+31 20 1234567", "14 020".</summary>
    private static bool IsPhone(string phone) =>
        PhoneCharacters().IsMatch(phone) && phone.Count(char.IsAsciiDigit) is >= 3 and <= 15;

    private static bool IsEmail(string email) =>
        !email.Any(char.IsWhiteSpace) && MailAddress.TryCreate(email, out var address) && address.Address == email
        && address.Host.Contains('.') && !address.Host.EndsWith('.');

    /// <summary>An http(s) address with a real host; "www.doras.nl" is read as https://www.doras.nl. Null when it is not one.</summary>
    private static string? Website(string website)
    {
        var full = website.Contains("://", StringComparison.Ordinal) ? website : $"https://{website}";
        return Uri.TryCreate(full, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.Host.Contains('.') && !uri.Host.EndsWith('.') && !website.Any(char.IsWhiteSpace)
            ? full
            : null;
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]*$")]
    private static partial Regex PhoneCharacters();
}
