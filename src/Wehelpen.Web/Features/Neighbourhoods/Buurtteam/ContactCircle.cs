using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Audit;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>
/// A professional of the request's gebied writes to the circle about a request nobody picked up: the hoofdpersoon and
/// coördinators get it in the app and by mail, with how to reach the professional at work; the request's history and
/// the logbook say that the buurtteam got in touch (not what was written: that is for the circle's managers).
/// </summary>
public sealed class ContactCircle(
    WehelpenDbContext db, RequestAccess access, RequestJournal journal, Notifier notifier, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    public const int MessageMaxLength = 1000;

    /// <summary>The request when this person may write to its circle about it; null for anyone else, as for a made-up id.</summary>
    public async Task<HelpRequest?> FindAsync(string userId, Guid requestId, CancellationToken ct) =>
        await access.FindAsync(userId, requestId, ct) is var (request, viewer, _) && viewer.MayTakeOnEscalation(request) && request.Status == RequestStatus.Open
            ? request : null;

    public async Task<Outcome<Done>> SendAsync(string userId, Guid requestId, ContactCircleInput input, CancellationToken ct)
    {
        var found = await access.FindAsync(userId, requestId, ct);
        // Only the buurtteam of the request's gebied, while it waits for them; anyone else hears it does not exist.
        if (found is not var (request, viewer, _) || !viewer.MayTakeOnEscalation(request) || request.Status != RequestStatus.Open)
            return Refusal.NotFound(text["Request.NotFound"]);
        var errors = new FieldErrors();
        var message = errors.Required(text, "message", input.Message, MessageMaxLength);
        if (errors.Any) return errors;

        var now = clock.GetUtcNow();
        var work = await db.Set<ProfessionalProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        var reachAt = string.Join(" · ", new[] { work?.Organisation, work?.WorkPhone, email }.Where(s => !string.IsNullOrEmpty(s)));
        var managers = await CircleMember.ManagerIds(db.Set<CircleMember>(), request.CircleId).ToListAsync(ct);
        var contactId = Guid.CreateVersion7();
        var made = await notifier.AddAsync(managers.Select(id => new NewNotification(
            id, NotificationKind.BuurtteamContact,
            new(Title: request.Title, Person: viewer.Name, Message: $"{message}\n\n{text["Buurtteam.Contact.ReachAt", viewer.Name, reachAt]}"),
            $"/circles/{request.CircleId}/requests/{request.Id}", $"buurtteam-contact:{contactId}:{id}")).ToList(), now, ct);
        journal.Record(request, RequestChange.BuurtteamContact, viewer, null, now);
        audit.Record(userId, AuditActions.BuurtteamContact, AuditTargets.HelpRequest, request.Id.ToString());
        await db.SaveChangesAsync(ct);
        await notifier.AnnounceAsync(made);
        return Done.Instance;
    }
}
