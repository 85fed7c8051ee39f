using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Matching;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Requests.Matching;
using Wehelpen.Web.Localization;
using Wehelpen.Web.Platform.Live;

namespace Wehelpen.Web.Features.Requests;

/// <summary>What the hub tells volunteers about requests they were asked about, by name; the payloads are JSON, camelCase.</summary>
public static class RequestEvents
{
    /// <summary><see cref="LiveAlert"/>: matching asks this volunteer to help, with why them and the card's words.</summary>
    public const string Alert = "alert";

    /// <summary><see cref="AlertClosedNotice"/>: a request this volunteer was asked about is no longer open.</summary>
    public const string AlertClosed = "alertClosed";
}

public sealed record AlertClosedNotice(Guid RequestId, RequestStatus Status);

/// <summary>
/// Who hears that a request was posted or changed, and the volunteers matching asked about it; sent through the live
/// transport once committed. The use cases call it after their save; it never fails them.
/// </summary>
public sealed class RequestNews(ILiveSender live, IServiceScopeFactory scopes, MatchingEngine engine, TimeProvider clock)
{
    /// <summary>
    /// A request was posted or changed: its circle's pages, its helper (and the one who just gave it back), the
    /// volunteers online whose area and categories it falls in (their "near me" list gains or loses it), the
    /// volunteers matching asked about it (whose alert closes once it is taken) and, once escalated, the buurtteam.
    /// </summary>
    public Task RequestChangedAsync(Guid requestId, string? formerHelperId = null) => live.SafelyAsync(nameof(RequestChangedAsync), async () =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        var r = await db.Set<HelpRequest>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == requestId);
        if (r is null) return;
        await live.ToCircleAsync(r.CircleId, LiveEvents.Changed, new LiveChange([LiveArea.Requests, LiveArea.Logbook], r.CircleId, r.Id));

        var helpers = new[] { r.ClaimedById, formerHelperId }.OfType<string>().Distinct().ToList();
        if (helpers.Count > 0) await live.ToPeopleAsync(helpers, LiveEvents.Changed, new LiveChange([LiveArea.Help], null, r.Id));

        var alerted = await db.Set<RequestAlert>().Where(a => a.RequestId == r.Id).Select(a => a.VolunteerId).ToListAsync();
        var nearby = await NearbyAudienceAsync(scope.ServiceProvider, db, r, alerted);
        if (nearby.Count > 0) await live.ToPeopleAsync(nearby, LiveEvents.Changed, new LiveChange([LiveArea.Nearby], null, r.Id));
        if (r.Status != RequestStatus.Open && alerted.Count > 0)
            await live.ToPeopleAsync(alerted, RequestEvents.AlertClosed, new AlertClosedNotice(r.Id, r.Status));
    });

    /// <summary>Matching asked these volunteers about a request: each online one gets the alert, with why them.</summary>
    public Task AlertedAsync(Guid requestId, IReadOnlyCollection<string> volunteerIds) => live.SafelyAsync(nameof(AlertedAsync), async () =>
    {
        var online = (await live.OnlineAsync(volunteerIds)).ToList();
        if (online.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var asked = await scope.ServiceProvider.GetRequiredService<AskedOfYou>().ForRequestAsync(requestId, online, clock.GetUtcNow(), CancellationToken.None);
        var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        foreach (var (volunteerId, language, alert) in asked)
        {
            var card = LocalizationExtensions.InLanguage(language, () => LiveAlert.For(alert, text));
            await live.ToPersonAsync(volunteerId, RequestEvents.Alert, card);
        }
    });

    /// <summary>
    /// Online volunteers whose area covers the request and who help with its category (their day parts are left out:
    /// telling a few too many to look again costs little), never the requester or volunteers the circle blocked; those
    /// asked about it; and the buurtteam once it is escalated.
    /// </summary>
    private async Task<List<string>> NearbyAudienceAsync(IServiceProvider scopeServices, WehelpenDbContext db, HelpRequest r, IReadOnlyList<string> alerted)
    {
        if (r.Audience != RequestAudience.Neighbourhood && r.EscalatedAt is null) return [];
        var blocked = (await db.Set<VolunteerBlock>().Where(b => b.CircleId == r.CircleId).Select(b => b.VolunteerId).ToListAsync())
            .ToHashSet(StringComparer.Ordinal);
        var audience = new HashSet<string>(alerted, StringComparer.Ordinal);
        if (r.Audience == RequestAudience.Neighbourhood)
        {
            foreach (var id in await live.OnlineWithRoleAsync(volunteers: true))
            {
                if (engine.Find(id) is { } v && (v.Categories & (int)r.Category) != 0 && v.Area.Covers(r.Latitude, r.Longitude, 1, out _))
                    audience.Add(id);
            }
        }
        if (r.EscalatedAt is not null && AmsterdamAreas.ForPc4(r.Pc4) is { } area)
        {
            // The buurtteam of the request's gebied, not every professional in town.
            var team = await scopeServices.GetRequiredService<IBuurtteamAreas>().TeamAsync(area.Code, CancellationToken.None);
            audience.UnionWith((await live.OnlineWithRoleAsync(volunteers: false)).Intersect(team, StringComparer.Ordinal));
        }
        audience.Remove(r.RequestedById);
        audience.ExceptWith(blocked);
        return [.. audience];
    }
}
