using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Circles;

/// <summary>
/// The signed-in person's place in the circle named by the route's {circleId}. Set by the circle policies before
/// any page or endpoint of a circle runs, so no handler can forget the check.
/// </summary>
public sealed record CircleMembership(Guid CircleId, string CircleName, string ResidentName, string UserId, CircleRole Role)
{
    internal const string ItemKey = nameof(CircleMembership);

    public bool CanManage => CircleMember.CanManage(Role);

    /// <summary>Minimal API binding: the endpoint's circle policy has already loaded it.</summary>
    public static ValueTask<CircleMembership?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.Items[ItemKey] as CircleMembership);
}

public static class CirclePolicies
{
    /// <summary>Members of the circle in the route; anyone else is refused alike, whether the circle exists or not.</summary>
    public const string Member = "circle-member";

    /// <summary>The hoofdpersoon and the coördinators of the circle in the route.</summary>
    public const string Manager = "circle-manager";

    public const string RouteKey = "circleId";

    internal static void Add(AuthorizationBuilder authorization) => authorization
        .AddPolicy(Member, p => p.RequireAuthenticatedUser().AddRequirements(new CircleMembershipRequirement(ManagersOnly: false)))
        .AddPolicy(Manager, p => p.RequireAuthenticatedUser().AddRequirements(new CircleMembershipRequirement(ManagersOnly: true)));

    public static CircleMembership? CircleMembership(this HttpContext context) => context.Items[Circles.CircleMembership.ItemKey] as CircleMembership;
}

internal sealed record CircleMembershipRequirement(bool ManagersOnly) : IAuthorizationRequirement;

internal sealed class CircleMembershipHandler(WehelpenDbContext db) : AuthorizationHandler<CircleMembershipRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CircleMembershipRequirement requirement)
    {
        if (context.Resource is not HttpContext http) return;
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !Guid.TryParse(http.GetRouteValue(CirclePolicies.RouteKey)?.ToString(), out var circleId)) return;

        var membership = http.CircleMembership();
        if (membership is null || membership.CircleId != circleId || membership.UserId != userId)
        {
            membership = await db.Set<CircleMember>()
                .Where(m => m.CircleId == circleId && m.UserId == userId)
                .Select(m => new CircleMembership(m.CircleId, m.Circle!.Name, m.Circle.ResidentName, m.UserId, m.Role))
                .SingleOrDefaultAsync(http.RequestAborted);
            if (membership is null) return;
            http.Items[CircleMembership.ItemKey] = membership;
        }
        if (!requirement.ManagersOnly || membership.CanManage) context.Succeed(requirement);
    }
}
