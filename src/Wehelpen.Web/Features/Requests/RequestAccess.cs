using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Requests.Matching;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Requests;

/// <summary>Loads a request together with who the signed-in person is to it; nobody gets a request they may not see.</summary>
public sealed class RequestAccess(WehelpenDbContext db, IBuurtteamAreas buurtteam, TimeProvider clock)
{
    public Task<RequestViewer> ViewerAsync(string userId, Guid circleId, CancellationToken ct) => ViewerAsync(userId, circleId, null, ct);

    /// <param name="requestId">The request they look at: whether matching asked them about it.</param>
    public async Task<RequestViewer> ViewerAsync(string userId, Guid circleId, Guid? requestId, CancellationToken ct)
    {
        // Separate small queries: the roles list inside one projection needs SQL APPLY, which SQLite cannot do.
        var person = await (
            from u in db.Users.Where(u => u.Id == userId)
            from v in db.Set<VolunteerProfile>().Where(v => v.UserId == u.Id).DefaultIfEmpty()
            select new { u.DisplayName, u.Latitude, u.Longitude, Radius = (int?)v!.ServiceRadiusKm, Areas = v!.ServiceAreas }).SingleAsync(ct);
        var role = await db.Set<CircleMember>().Where(m => m.CircleId == circleId && m.UserId == userId).Select(m => (CircleRole?)m.Role).FirstOrDefaultAsync(ct);
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync(ct);
        var blocked = await db.Set<VolunteerBlock>().AnyAsync(b => b.CircleId == circleId && b.VolunteerId == userId, ct);
        var professional = roles.Contains(Roles.Professional);
        var buurtteamAreas = (await buurtteam.AreasAsync(userId, roles.Contains(Roles.Admin), professional, ct)).Select(a => a.Code).ToHashSet();
        return new RequestViewer(userId, person.DisplayName, role,
            roles.Contains(Roles.Volunteer), professional, blocked,
            person.Latitude is { } lat && person.Longitude is { } lon ? new GeoPoint(lat, lon) : null,
            person.Radius ?? VolunteerProfile.DefaultRadiusKm,
            requestId is { } id && await db.Set<RequestAlert>().AnyAsync(a => a.RequestId == id && a.VolunteerId == userId, ct),
            person.Areas?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
            buurtteamAreas);
    }

    /// <summary>The request with everything needed to describe it, and the viewer; null when it does not exist or is not theirs to see.</summary>
    public async Task<(HelpRequest Request, RequestViewer Viewer, RequestView View)?> FindAsync(string userId, Guid requestId, CancellationToken ct)
    {
        var request = await db.Set<HelpRequest>()
            .Include(r => r.Circle).Include(r => r.RequestedBy).Include(r => r.AddressedTo).Include(r => r.ClaimedBy)
            .Include(r => r.Appointment).Include(r => r.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return null;
        var viewer = await ViewerAsync(userId, request.CircleId, request.Id, ct);
        return RequestRules.ViewFor(request, viewer, clock.GetUtcNow()) is { } view ? (request, viewer, view) : null;
    }

    public async Task<WideningPolicy> PolicyAsync(Guid circleId, CancellationToken ct) =>
        await db.Set<WideningPolicy>().AsNoTracking().SingleOrDefaultAsync(p => p.CircleId == circleId, ct) ?? WideningPolicy.Default(circleId);
}
