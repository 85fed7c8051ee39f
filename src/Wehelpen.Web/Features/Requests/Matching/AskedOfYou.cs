using Microsoft.EntityFrameworkCore;
using Wehelpen.Matching;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Requests.Matching;

/// <summary>An open request matching asked this volunteer about, and why them.</summary>
public sealed record AskedRequest(RequestSummary Request, AskReasons Reasons);

/// <param name="DistanceMetres">From their home when they were asked, to 100 m.</param>
/// <param name="AvailableSlots">The parts of the week in the request's window in which they said they can help (all of them when they can any time).</param>
/// <param name="Widened">Beyond their own radius: asked in a wave that stretched it.</param>
public sealed record AskReasons(
    int DistanceMetres, HelpCategories Category, IReadOnlyList<AvailabilitySlot> AvailableSlots, bool AnyTime, bool Widened, int Wave, DateTimeOffset AskedAt);

/// <summary>The "asked of you" list of a volunteer: open requests they were alerted for, soonest first.</summary>
public sealed class AskedOfYou(WehelpenDbContext db, RequestDescriptions descriptions)
{
    public async Task<IReadOnlyList<AskedRequest>> ListAsync(
        string volunteerId, GeoPoint home, WeeklyAvailability availability, DateTimeOffset now, CancellationToken ct)
    {
        // One query: each open request with this volunteer's alert for it, not of a circle that has blocked them since.
        // A join on the alert's key (request, volunteer): one row per request, and no window function over all alerts.
        var rows = await (
            from a in db.Set<RequestAlert>().AsNoTracking().Where(a => a.VolunteerId == volunteerId)
            join r in db.Set<HelpRequest>().AsNoTracking() on a.RequestId equals r.Id
            where r.Status == RequestStatus.Open && r.Audience == RequestAudience.Neighbourhood && r.EndsAt > now
                && !db.Set<VolunteerBlock>().Any(b => b.VolunteerId == volunteerId && b.CircleId == r.CircleId)
            select new { Request = r, r.Circle, Alert = a }).ToListAsync(ct);
        return rows
            .Select(x => { x.Request.Circle = x.Circle; return (x.Request, Alert: x.Alert!); })
            .OrderBy(x => x.Request.StartsAt ?? x.Request.EndsAt).ThenBy(x => x.Request.Id)
            .Select(x => new AskedRequest(descriptions.Summarise(x.Request, home, showClaimer: false), Reasons(x.Request, x.Alert, availability, now)))
            .ToList();
    }

    /// <summary>One request as each of these volunteers was asked about it, with the language their alert is written in.</summary>
    public async Task<IReadOnlyList<(string VolunteerId, string Language, AskedRequest Asked)>> ForRequestAsync(
        Guid requestId, IReadOnlyCollection<string> volunteerIds, DateTimeOffset now, CancellationToken ct)
    {
        var request = await db.Set<HelpRequest>().AsNoTracking().Include(r => r.Circle).SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return [];
        var alerts = await db.Set<RequestAlert>().AsNoTracking()
            .Where(a => a.RequestId == requestId && volunteerIds.Contains(a.VolunteerId)).ToListAsync(ct);
        var ids = alerts.Select(a => a.VolunteerId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.PreferredLanguage, u.Latitude, u.Longitude, Availability = db.Set<VolunteerProfile>().Where(v => v.UserId == u.Id).Select(v => (WeeklyAvailability?)v.Availability).FirstOrDefault() })
            .ToDictionaryAsync(u => u.Id, ct);
        return alerts.Where(a => people.ContainsKey(a.VolunteerId)).Select(a =>
        {
            var person = people[a.VolunteerId];
            GeoPoint? home = person.Latitude is { } lat && person.Longitude is { } lon ? new GeoPoint(lat, lon) : null;
            var asked = new AskedRequest(descriptions.Summarise(request, home, showClaimer: false),
                Reasons(request, a, person.Availability ?? WeeklyAvailability.None, now));
            return (a.VolunteerId, person.PreferredLanguage, asked);
        }).ToList();
    }

    private static AskReasons Reasons(HelpRequest r, RequestAlert alert, WeeklyAvailability availability, DateTimeOffset now)
    {
        var window = WeekSlots.Covering(r.StartsAt, r.EndsAt, now);
        var slots = MatchingFormat.Slots(availability.IsEmpty ? window : availability.Mask & window);
        return new AskReasons(Distances.Rounded(alert.DistanceMetres), r.Category, slots,
            availability.IsEmpty, alert.Widened, alert.Wave, alert.AlertedAt);
    }
}
