using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>Appointments a person made, the ones they go along to, and their calendar feed (that it exists, never its secret).</summary>
internal sealed class AgendaPersonalData(WehelpenDbContext db) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns =>
    [
        new("Appointments", "CreatedById"),
        new("AppointmentCompanions", "UserId"),
        new("CalendarFeeds", "UserId"),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("appointments", _ => db.Set<Appointment>().AsNoTracking().Where(a => a.CreatedById == userId).OrderBy(a => a.FirstStartUtc)
            .Select(a => new { a.Id, a.CircleId, a.Title, a.Place, a.Notes, a.StartDate, a.StartTime, a.EndTime, a.RepeatsWeekly, a.RepeatUntil, a.CreatedAt, a.UpdatedAt })
            .AsAsyncEnumerable()),
        new("going-along", _ => db.Set<AppointmentCompanion>().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.OccurrenceStartUtc)
            .Select(c => new { c.AppointmentId, Appointment = c.Appointment!.Title, c.OccurrenceDate, c.CreatedAt })
            .AsAsyncEnumerable()),
        new("calendar-feed", _ => db.Set<CalendarFeed>().AsNoTracking().Where(f => f.UserId == userId)
            .Select(f => new { Exists = true, f.CreatedAt })
            .AsAsyncEnumerable()),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var id = erasure.UserId;
        await db.Set<AppointmentCompanion>().Where(c => c.UserId == id).ExecuteDeleteAsync(ct);
        await db.Set<CalendarFeed>().Where(f => f.UserId == id).ExecuteDeleteAsync(ct);
        // The circle's agenda keeps its appointments; who entered them is no longer said.
        await db.Set<Appointment>().Where(a => a.CreatedById == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedById, FormerMember.Id), ct);
    }

    /// <summary>The rows go with the circle; their ids are what reminders and notifications point at.</summary>
    public async Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct)
    {
        var ids = await db.Set<Appointment>().Where(a => a.CircleId == erasure.CircleId).Select(a => a.Id).ToListAsync(ct);
        erasure.Subjects.UnionWith(ids.Select(i => i.ToString()));
        await db.Set<Appointment>().Where(a => a.CircleId == erasure.CircleId).ExecuteDeleteAsync(ct);
    }
}
