using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Platform.Live;

namespace Wehelpen.Web.Features.Circles;

/// <summary>
/// What the live transport asks of circles: a person's name and the circles whose traffic their connections get, read
/// from the database when a connection opens and whenever their memberships change; and their roles from their sign-in.
/// </summary>
internal sealed class CircleLiveAudience(IServiceScopeFactory scopes) : ILiveAudience
{
    public async Task<LiveMember> ReadAsync(string userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";
        var circles = await db.Set<CircleMember>().Where(m => m.UserId == userId).Select(m => m.CircleId).ToListAsync(ct);
        return new LiveMember(name, circles.ToHashSet());
    }

    public LiveRoles RolesOf(ClaimsPrincipal user) => new(user.IsInRole(Roles.Volunteer), user.IsInRole(Roles.Professional));
}

public sealed record OnlineMember(string UserId, string Name);

/// <summary>The members of a circle who are here now (the hub's OnlineMembers; the caller's right to ask is the hub's to check).</summary>
public sealed class CirclePresence(WehelpenDbContext db, ILiveSender live)
{
    public async Task<IReadOnlyList<OnlineMember>> OnlineMembersAsync(Guid circleId, CancellationToken ct)
    {
        var members = await db.Set<CircleMember>().Where(m => m.CircleId == circleId)
            .Select(m => new OnlineMember(m.UserId, m.User!.DisplayName)).ToListAsync(ct);
        var online = await live.OnlineAsync(members.Select(m => m.UserId));
        return members.Where(m => online.Contains(m.UserId)).OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
