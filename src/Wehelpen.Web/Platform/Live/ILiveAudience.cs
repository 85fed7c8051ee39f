using System.Security.Claims;

namespace Wehelpen.Web.Platform.Live;

/// <summary>
/// What the transport asks the product about a person when their connection opens and when their memberships change:
/// their name (for presence) and the circles whose traffic their connections get. Implemented by the feature that
/// knows (Circles), registered in its own AddX(); never from the client.
/// </summary>
public interface ILiveAudience
{
    Task<LiveMember> ReadAsync(string userId, CancellationToken ct);

    /// <summary>Whether the person is reached as a volunteer, or as a professional, by <see cref="ILiveSender.OnlineWithRoleAsync"/>; from their sign-in.</summary>
    LiveRoles RolesOf(ClaimsPrincipal user);
}

public sealed record LiveMember(string Name, IReadOnlySet<Guid> Circles);

public readonly record struct LiveRoles(bool Volunteer, bool Professional);
