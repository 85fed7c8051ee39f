namespace Wehelpen.Web.Platform.Live;

/// <summary>
/// The two pieces of news every circle page shares: something in a circle changed (its pages read themselves again),
/// and someone came into or left a circle. The use cases call it after their save; it never fails them.
/// </summary>
public sealed class LiveNews(ILiveSender live, LiveConnections connections)
{
    public Task CircleChangedAsync(Guid circleId, params LiveArea[] areas) => live.SafelyAsync(nameof(CircleChangedAsync), () =>
        live.ToCircleAsync(circleId, LiveEvents.Changed, new LiveChange(areas, circleId)));

    /// <summary>Someone came into or left a circle: their connections follow at once, and the circle's pages update.</summary>
    public Task MembershipChangedAsync(Guid circleId, string userId) => live.SafelyAsync(nameof(MembershipChangedAsync), async () =>
    {
        await connections.MembershipChangedAsync(userId);
        await live.ToCircleAsync(circleId, LiveEvents.Changed, new LiveChange([LiveArea.Members], circleId));
    });
}
