using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>
/// Which gebieden someone works for as buurtteam: every one for an admin, the approved ones for a professional, none
/// for anyone else. Everything of the buurtteam (escalated requests, figures, referrals) is limited by this.
/// </summary>
public sealed class BuurtteamAccess(WehelpenDbContext db) : IBuurtteamAreas
{
    public Task<IReadOnlyList<Area>> AreasAsync(ClaimsPrincipal user, CancellationToken ct) =>
        AreasAsync(user.RequiredUserId(), user.IsInRole(Roles.Admin), user.IsInRole(Roles.Professional), ct);

    public async Task<IReadOnlyList<Area>> AreasAsync(string userId, bool isAdmin, bool isProfessional, CancellationToken ct)
    {
        if (isAdmin) return AmsterdamAreas.All;
        if (!isProfessional) return [];
        var codes = await db.Set<ProfessionalArea>()
            .Where(a => a.UserId == userId && a.ApprovedAt != null)
            .Select(a => a.AreaCode).ToListAsync(ct);
        return AmsterdamAreas.All.Where(a => codes.Contains(a.Code)).ToList();
    }

    /// <summary>The approved gebieden of someone known only by id (a hub call, a job): the role is read from the database.</summary>
    public async Task<IReadOnlyList<string>> TeamAsync(string areaCode, CancellationToken ct) =>
        await db.Set<ProfessionalArea>().Where(a => a.AreaCode == areaCode && a.ApprovedAt != null).Select(a => a.UserId).ToListAsync(ct);

    public async Task<IReadOnlyList<Area>> AreasAsync(string userId, CancellationToken ct)
    {
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync(ct);
        return await AreasAsync(userId, roles.Contains(Roles.Admin), roles.Contains(Roles.Professional), ct);
    }
}
