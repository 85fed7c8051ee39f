using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Matching;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Requests.Matching;
using Wehelpen.Web.Features.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Live;

/// <summary>
/// Tells whoever is looking that something changed, once it is committed. The use cases call it after their save;
/// it never fails them: what was saved stands, and a page that missed a change shows it on its next load (and
/// open pages read themselves again after a reconnect).
/// </summary>
public sealed class LiveNews(
    IHubContext<LiveHub> hub, LiveConnections connections, IServiceScopeFactory scopes, MatchingEngine engine,
    TimeProvider clock, ILogger<LiveNews> logger)
{
    public Task CircleChangedAsync(Guid circleId, params LiveArea[] areas) => SafelyAsync(nameof(CircleChangedAsync), () =>
        hub.Clients.Group(LiveConnections.CircleGroup(circleId)).SendAsync(LiveEvents.Changed, new LiveChange(areas, circleId)));

    /// <summary>Someone came into or left a circle: their connections follow at once, and the circle's pages update.</summary>
    public Task MembershipChangedAsync(Guid circleId, string userId) => SafelyAsync(nameof(MembershipChangedAsync), async () =>
    {
        await connections.MembershipChangedAsync(userId);
        await CircleChangedAsync(circleId, LiveArea.Members);
    });

    /// <summary>
    /// A request was posted or changed: its circle's pages, its helper (and the one who just gave it back), the
    /// volunteers online whose area and categories it falls in (their "near me" list gains or loses it), the
    /// volunteers matching asked about it (whose alert closes once it is taken) and, once escalated, the buurtteam.
    /// </summary>
    public Task RequestChangedAsync(Guid requestId, string? formerHelperId = null) => SafelyAsync(nameof(RequestChangedAsync), async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        var r = await db.Set<HelpRequest>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId);
        if (r is null) return;
        await hub.Clients.Group(LiveConnections.CircleGroup(r.CircleId))
            .SendAsync(LiveEvents.Changed, new LiveChange([LiveArea.Requests, LiveArea.Logbook], r.CircleId, r.Id));

        var helpers = new[] { r.ClaimedById, formerHelperId }.OfType<string>().Distinct().ToList();
        if (helpers.Count > 0) await hub.Clients.Users(helpers).SendAsync(LiveEvents.Changed, new LiveChange([LiveArea.Help], null, r.Id));

        var alerted = await db.Set<RequestAlert>().Where(a => a.RequestId == r.Id).Select(a => a.VolunteerId).ToListAsync();
        var nearby = await NearbyAudienceAsync(db, r, alerted);
        if (nearby.Count > 0) await hub.Clients.Users(nearby).SendAsync(LiveEvents.Changed, new LiveChange([LiveArea.Nearby], null, r.Id));
        if (r.Status != RequestStatus.Open && alerted.Count > 0)
            await hub.Clients.Users(alerted).SendAsync(LiveEvents.AlertClosed, new AlertClosedNotice(r.Id, r.Status));
    });

    /// <summary>Matching asked these volunteers about a request: each online one gets the alert, with why them.</summary>
    public Task AlertedAsync(Guid requestId, IReadOnlyCollection<string> volunteerIds) => SafelyAsync(nameof(AlertedAsync), async () =>
    {
        var online = (await connections.OnlineAsync(volunteerIds)).ToList();
        if (online.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var asked = await scope.ServiceProvider.GetRequiredService<AskedOfYou>().ForRequestAsync(requestId, online, clock.GetUtcNow(), CancellationToken.None);
        foreach (var (volunteerId, alert) in asked) await hub.Clients.User(volunteerId).SendAsync(LiveEvents.Alert, alert);
    });

    public Task ChatMessageAsync(ChatAccessGrant grant, ChatMessageResponse message) => SafelyAsync(nameof(ChatMessageAsync), async () =>
    {
        if (grant.Target.Kind == ChatKind.Circle)
        {
            await hub.Clients.Group(LiveConnections.CircleGroup(grant.CircleId)).SendAsync(LiveEvents.ChatMessage, message);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var participants = await scope.ServiceProvider.GetRequiredService<ChatAccess>().ParticipantsAsync(grant.Target.Id, CancellationToken.None);
        await hub.Clients.Users(participants).SendAsync(LiveEvents.ChatMessage, message);
    });

    public Task UnreadAsync(string userId, UnreadCount count) => SafelyAsync(nameof(UnreadAsync), () =>
        hub.Clients.User(userId).SendAsync(LiveEvents.Unread, count));

    /// <summary>
    /// Online volunteers whose area covers the request and who help with its category (their day parts are left out:
    /// telling a few too many to look again costs little), never the requester or volunteers the circle blocked; those
    /// asked about it; and the buurtteam once it is escalated.
    /// </summary>
    private async Task<List<string>> NearbyAudienceAsync(WehelpenDbContext db, HelpRequest r, IReadOnlyList<string> alerted)
    {
        if (r.Audience != RequestAudience.Neighbourhood && r.EscalatedAt is null) return [];
        var blocked = (await db.Set<VolunteerBlock>().Where(b => b.CircleId == r.CircleId).Select(b => b.VolunteerId).ToListAsync())
            .ToHashSet(StringComparer.Ordinal);
        var audience = new HashSet<string>(alerted, StringComparer.Ordinal);
        if (r.Audience == RequestAudience.Neighbourhood)
        {
            foreach (var id in await connections.OnlineWithRoleAsync(volunteers: true))
            {
                if (engine.Find(id) is { } v && (v.Categories & (int)r.Category) != 0 && v.Area.Covers(r.Latitude, r.Longitude, 1, out _))
                    audience.Add(id);
            }
        }
        if (r.EscalatedAt is not null && AmsterdamAreas.ForPc4(r.Pc4) is { } area)
        {
            // The buurtteam of the request's gebied, not every professional in town.
            var team = await db.Set<ProfessionalArea>().Where(a => a.AreaCode == area.Code && a.ApprovedAt != null).Select(a => a.UserId).ToListAsync();
            audience.UnionWith((await connections.OnlineWithRoleAsync(volunteers: false)).Intersect(team, StringComparer.Ordinal));
        }
        audience.Remove(r.RequestedById);
        audience.ExceptWith(blocked);
        return [.. audience];
    }

    private async Task SafelyAsync(string what, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Live news ({What}) could not be sent; open pages catch up on their next load.", what);
        }
    }
}
