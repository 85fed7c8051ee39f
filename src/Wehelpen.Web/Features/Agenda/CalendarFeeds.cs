using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Platform.Email;

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

    /// <summary>
    /// The person's feed. The link itself only in the answer that makes it (the first time they ask): only its hash
    /// is kept, so afterwards the answer says since when a link exists, and a new one can be made.
    /// </summary>
    public async Task<CalendarFeedResponse> MineAsync(string userId, CancellationToken ct)
    {
        var since = await db.Set<CalendarFeed>().Where(f => f.UserId == userId).Select(f => (DateTimeOffset?)f.CreatedAt).SingleOrDefaultAsync(ct);
        if (since is { } existing) return Existing(existing);

        var token = CalendarFeed.NewToken();
        var now = clock.GetUtcNow();
        db.Add(new CalendarFeed { UserId = userId, TokenHash = CalendarFeed.Hash(token), CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Asked for twice at the same moment: the other request made it, and only its answer can show the link.
            db.ChangeTracker.Clear();
            return Existing(await db.Set<CalendarFeed>().Where(f => f.UserId == userId).Select(f => f.CreatedAt).SingleAsync(ct));
        }
        return Made(token, now);
    }

    /// <summary>A new secret link, shown in this answer only; the old one answers 404 from now on.</summary>
    public async Task<CalendarFeedResponse> ResetAsync(string userId, CancellationToken ct)
    {
        var token = CalendarFeed.NewToken();
        var now = clock.GetUtcNow();
        if (await ReplaceAsync(userId, token, now, ct) == 0)
        {
            if (await MineAsync(userId, ct) is { Url: not null } first) return first;
            await ReplaceAsync(userId, token, now, ct); // made by another request this very moment: this one replaces it
        }
        return Made(token, now);
    }

    /// <summary>The iCalendar text for a token; null when no one has that token (any more).</summary>
    public async Task<string?> RenderAsync(string token, CancellationToken ct)
    {
        // Found by its hash through the unique index. That comparison gives nothing away by its timing: nobody can
        // choose a guess whose hash shares a beginning with a stored one.
        var hash = CalendarFeed.Hash(token);
        var userId = await db.Set<CalendarFeed>().Where(f => f.TokenHash == hash).Select(f => f.UserId).SingleOrDefaultAsync(ct);
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

    private Task<int> ReplaceAsync(string userId, string token, DateTimeOffset now, CancellationToken ct)
    {
        var hash = CalendarFeed.Hash(token);
        return db.Set<CalendarFeed>().Where(f => f.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.TokenHash, hash).SetProperty(f => f.CreatedAt, now), ct);
    }

    private static CalendarFeedResponse Existing(DateTimeOffset since) => new(null, null, since);

    private CalendarFeedResponse Made(string token, DateTimeOffset now)
    {
        var url = links.To(FeedPath(token));
        return new CalendarFeedResponse(url, "webcal" + url[url.IndexOf("://", StringComparison.Ordinal)..], now);
    }
}
