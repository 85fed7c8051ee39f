using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests;

/// <summary>A circle's own rules for its requests: how they widen, and which volunteers it does not want.</summary>
public sealed class CircleRequestSettings(WehelpenDbContext db, RequestAccess access, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<WideningPolicyResponse> PolicyAsync(CircleMembership me, CancellationToken ct) =>
        Describe(await access.PolicyAsync(me.CircleId, ct));

    /// <summary>Applies to requests posted, given back or widened from now on; waiting requests keep their next step.</summary>
    public async Task<Outcome<WideningPolicyResponse>> SetPolicyAsync(CircleMembership me, WideningPolicyInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var person = Hours(errors, "personHours", input.PersonHours);
        var circle = Hours(errors, "circleHours", input.CircleHours);
        var neighbourhood = Hours(errors, "neighbourhoodHours", input.NeighbourhoodHours);
        if (errors.Any) return errors;

        var policy = await db.Set<WideningPolicy>().SingleOrDefaultAsync(p => p.CircleId == me.CircleId, ct);
        if (policy is null) db.Add(policy = WideningPolicy.Default(me.CircleId));
        (policy.PersonHours, policy.CircleHours, policy.NeighbourhoodHours, policy.WidenToNeighbourhood) =
            (person, circle, neighbourhood, input.WidenToNeighbourhood ?? true);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<WideningPolicy>().Any(e => e.State == EntityState.Added))
        {
            // Two managers saved the first policy at once: the other's save stands; say so rather than fail.
            return Refusal.Conflict(text["Request.PolicyChangedMeanwhile"]);
        }
        return Describe(policy);
    }

    public async Task<IReadOnlyList<BlockedVolunteerResponse>> BlockedAsync(CircleMembership me, CancellationToken ct) =>
        await db.Set<VolunteerBlock>().Where(b => b.CircleId == me.CircleId)
            .OrderBy(b => b.Volunteer!.DisplayName)
            .Select(b => new BlockedVolunteerResponse(b.VolunteerId, b.Volunteer!.DisplayName, b.BlockedAt))
            .ToListAsync(ct);

    /// <summary>Blocking twice is blocking once. Members are removed from the circle instead.</summary>
    public async Task<Outcome<BlockedVolunteerResponse>> BlockAsync(CircleMembership me, string volunteerId, CancellationToken ct)
    {
        var volunteer = await db.Users.Where(u => u.Id == volunteerId).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (volunteer is null) return Refusal.NotFound(text["Request.PersonNotFound"]);
        if (await db.Set<CircleMember>().AnyAsync(m => m.CircleId == me.CircleId && m.UserId == volunteerId, ct))
            return Refusal.Conflict(text["Request.BlockMember"]);
        var existing = await db.Set<VolunteerBlock>().AsNoTracking().SingleOrDefaultAsync(b => b.CircleId == me.CircleId && b.VolunteerId == volunteerId, ct);
        if (existing is not null) return new BlockedVolunteerResponse(volunteer.Id, volunteer.DisplayName, existing.BlockedAt);

        var block = new VolunteerBlock { CircleId = me.CircleId, VolunteerId = volunteerId, BlockedById = me.UserId, BlockedAt = clock.GetUtcNow() };
        db.Add(block);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            block = await db.Set<VolunteerBlock>().AsNoTracking().SingleAsync(b => b.CircleId == me.CircleId && b.VolunteerId == volunteerId, ct);
        }
        return new BlockedVolunteerResponse(volunteer.Id, volunteer.DisplayName, block.BlockedAt);
    }

    public async Task UnblockAsync(CircleMembership me, string volunteerId, CancellationToken ct) =>
        await db.Set<VolunteerBlock>().Where(b => b.CircleId == me.CircleId && b.VolunteerId == volunteerId).ExecuteDeleteAsync(ct);

    private int Hours(FieldErrors errors, string field, int? value)
    {
        if (value is { } hours && hours is >= WideningPolicy.MinHours and <= WideningPolicy.MaxHours) return hours;
        errors.Add(field, text["Request.HoursRange", WideningPolicy.MinHours, WideningPolicy.MaxHours]);
        return 0;
    }

    private static WideningPolicyResponse Describe(WideningPolicy p) =>
        new(p.PersonHours, p.CircleHours, p.NeighbourhoodHours, p.WidenToNeighbourhood);
}
