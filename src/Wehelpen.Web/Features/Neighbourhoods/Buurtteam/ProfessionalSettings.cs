using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Audit;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>
/// A professional says who they work for and which gebieden; an admin approves each gebied. Changing the details
/// keeps the approvals of gebieden still chosen; a newly chosen gebied waits for approval again.
/// </summary>
public sealed class ProfessionalSettings(WehelpenDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<ProfessionalResponse> MineAsync(string userId, CancellationToken ct)
    {
        var profile = await db.Set<ProfessionalProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        var areas = await db.Set<ProfessionalArea>().AsNoTracking().Where(a => a.UserId == userId).ToListAsync(ct);
        return new ProfessionalResponse(profile?.Organisation, profile?.WorkPhone,
            areas.Select(a => (Row: a, Area: AmsterdamAreas.Find(a.AreaCode)))
                .Where(x => x.Area is not null).OrderBy(x => x.Area!.Number)
                .Select(x => new ProfessionalAreaResponse(x.Area!.Code, x.Area.Name, x.Area.Stadsdeel.Name, x.Row.IsApproved, x.Row.RequestedAt))
                .ToList());
    }

    public async Task<Outcome<ProfessionalResponse>> SaveAsync(string userId, ProfessionalInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var organisation = errors.Required(text, "organisation", input.Organisation, ProfessionalProfile.OrganisationMaxLength);
        var phone = errors.Optional(text, "workPhone", input.WorkPhone, ProfessionalProfile.PhoneMaxLength);
        if (phone is not null && !phone.All(c => char.IsDigit(c) || c is ' ' or '+' or '-' or '(' or ')'))
            errors.Add("workPhone", text["Buurtteam.PhoneInvalid"]);
        var codes = (input.Areas ?? []).Select(c => c.Trim()).Distinct().ToList();
        if (codes.Count == 0) errors.Add("areas", text["Buurtteam.AreasRequired"]);
        else if (codes.FirstOrDefault(c => AmsterdamAreas.Find(c) is null) is { } unknown) errors.Add("areas", text["Buurtteam.AreaUnknown", unknown]);
        if (errors.Any) return errors;

        var now = clock.GetUtcNow();
        var profile = await db.Set<ProfessionalProfile>().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null) db.Add(profile = new ProfessionalProfile { UserId = userId });
        (profile.Organisation, profile.WorkPhone, profile.UpdatedAt) = (organisation, phone, now);

        var existing = await db.Set<ProfessionalArea>().Where(a => a.UserId == userId).ToListAsync(ct);
        db.RemoveRange(existing.Where(a => !codes.Contains(a.AreaCode)));
        foreach (var code in codes.Where(c => existing.All(a => a.AreaCode != c)))
            db.Add(new ProfessionalArea { UserId = userId, AreaCode = code, RequestedAt = now });
        await db.SaveChangesAsync(ct);
        return await MineAsync(userId, ct);
    }

    /// <summary>For the admin: what waits for approval first, then what is approved.</summary>
    public async Task<IReadOnlyList<AreaRequestResponse>> RequestsAsync(CancellationToken ct)
    {
        var rows = await db.Set<ProfessionalArea>().AsNoTracking()
            .Select(a => new
            {
                a.UserId, a.User!.DisplayName, a.User.Email, a.AreaCode, a.RequestedAt, a.ApprovedAt,
                Organisation = db.Set<ProfessionalProfile>().Where(p => p.UserId == a.UserId).Select(p => p.Organisation).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows
            .OrderBy(r => r.ApprovedAt is not null).ThenBy(r => r.RequestedAt)
            .Select(r => new AreaRequestResponse(r.UserId, r.DisplayName, r.Email, r.Organisation, r.AreaCode,
                AmsterdamAreas.Find(r.AreaCode)?.Name ?? r.AreaCode, r.RequestedAt, r.ApprovedAt))
            .ToList();
    }

    public async Task<Outcome<Done>> ApproveAsync(string adminId, string userId, string areaCode, CancellationToken ct)
    {
        var row = await db.Set<ProfessionalArea>().SingleOrDefaultAsync(a => a.UserId == userId && a.AreaCode == areaCode, ct);
        if (row is null) return Refusal.NotFound(text["Buurtteam.AreaRequestNotFound"]);
        if (row.ApprovedAt is not null) return Done.Instance; // approved before: nothing changes, nothing to record
        (row.ApprovedAt, row.ApprovedById) = (clock.GetUtcNow(), adminId);
        audit.Record(adminId, AuditActions.ProfessionalAreaApprove, AuditTargets.ProfessionalArea, areaCode, subjectId: userId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Refused or taken back by another admin in the meantime.
            db.ChangeTracker.Clear();
            return Refusal.NotFound(text["Buurtteam.AreaRequestNotFound"]);
        }
        return Done.Instance;
    }

    /// <summary>Refuses a request, or takes back an approval: from then on they see nothing of that gebied.</summary>
    public async Task<Outcome<Done>> RevokeAsync(string adminId, string userId, string areaCode, CancellationToken ct)
    {
        var row = await db.Set<ProfessionalArea>().SingleOrDefaultAsync(a => a.UserId == userId && a.AreaCode == areaCode, ct);
        if (row is null) return Refusal.NotFound(text["Buurtteam.AreaRequestNotFound"]);
        db.Remove(row);
        audit.Record(adminId, row.ApprovedAt is null ? AuditActions.ProfessionalAreaRefuse : AuditActions.ProfessionalAreaRevoke,
            AuditTargets.ProfessionalArea, areaCode, subjectId: userId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another admin was first: it is gone already, and their entry says so.
            db.ChangeTracker.Clear();
            return Refusal.NotFound(text["Buurtteam.AreaRequestNotFound"]);
        }
        return Done.Instance;
    }
}
