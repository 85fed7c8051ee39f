using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Email;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>
/// Each person's private iCalendar feed: one link for all the circles they are in, for the calendar on their phone.
/// Whoever holds the link can read it without logging in (phones cannot log in), so the link is the secret.
/// </summary>
public sealed class CalendarFeeds(WehelpenDbContext db, EmailLinks links, TimeProvider clock)
{
    /// <summary>Appointments that ended longer ago than this are left out, so the feed stays small.</summary>
    public const int PastDays = 365;

    public const string ContentType = "text/calendar; charset=utf-8";

    public static string FeedPath(string token) => $"/calendar/{token}.ics";

    /// <summary>The person's link; made the first time they ask for it.</summary>
    public async Task<CalendarFeedResponse> MineAsync(string userId, CancellationToken ct)
    {
        var feed = await db.Set<CalendarFeed>().AsNoTracking().SingleOrDefaultAsync(f => f.UserId == userId, ct);
        if (feed is null)
        {
            feed = new CalendarFeed { UserId = userId, CreatedAt = clock.GetUtcNow() };
            db.Add(feed);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Asked for twice at the same moment: the other request made it.
                db.ChangeTracker.Clear();
                feed = await db.Set<CalendarFeed>().AsNoTracking().SingleAsync(f => f.UserId == userId, ct);
            }
        }
        return Describe(feed);
    }

    /// <summary>A new secret link; the old one answers 404 from now on.</summary>
    public async Task<CalendarFeedResponse> ResetAsync(string userId, CancellationToken ct)
    {
        var token = CalendarFeed.NewToken();
        var now = clock.GetUtcNow();
        var changed = await db.Set<CalendarFeed>().Where(f => f.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Token, token).SetProperty(f => f.CreatedAt, now), ct);
        if (changed == 0) return await MineAsync(userId, ct);
        return Describe(new CalendarFeed { UserId = userId, Token = token, CreatedAt = now });
    }

    /// <summary>The iCalendar text for a token; null when no one has that token (any more).</summary>
    public async Task<string?> RenderAsync(string token, CancellationToken ct)
    {
        var userId = await db.Set<CalendarFeed>().Where(f => f.Token == token).Select(f => f.UserId).SingleOrDefaultAsync(ct);
        if (userId is null) return null;

        // Only the circles the person is in now: after leaving a circle its appointments disappear.
        var circles = await db.Set<CircleMember>().Where(m => m.UserId == userId)
            .Select(m => new { m.CircleId, m.Circle!.Name })
            .ToDictionaryAsync(m => m.CircleId, m => m.Name, ct);
        var circleIds = circles.Keys.ToList();
        var since = clock.GetUtcNow().AddDays(-PastDays);
        var appointments = await db.Set<Appointment>().AsNoTracking()
            .Where(a => circleIds.Contains(a.CircleId) && (a.LastEndUtc == null || a.LastEndUtc > since))
            .OrderBy(a => a.FirstStartUtc)
            .ToListAsync(ct);

        return AgendaCalendar.Write(appointments.Select(a =>
            new AgendaCalendar.Event(a, circles[a.CircleId], links.To($"/circles/{a.CircleId}/agenda/{a.Id}"))));
    }

    private CalendarFeedResponse Describe(CalendarFeed feed)
    {
        var url = links.To(FeedPath(feed.Token));
        return new CalendarFeedResponse(url, "webcal" + url[url.IndexOf("://", StringComparison.Ordinal)..]);
    }
}
