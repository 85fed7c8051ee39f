using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Thanks;

/// <summary>
/// Saying thank you for a done request, and reading thanks. The circle's members read a request's thanks, and so does
/// the volunteer it thanks; the requester's side (who asked, the hoofdpersoon, a coördinator) writes them. Anyone else
/// hears that the request does not exist, in the very words of a made-up id.
/// </summary>
public sealed class Thanking(
    WehelpenDbContext db, Notifier notifier, NotificationMailWake mail, TimeProvider clock,
    IStringLocalizer<SharedResource> text, ILogger<Thanking> logger)
{
    /// <summary>Null when the viewer may not know of the request.</summary>
    public async Task<RequestThanksView?> ForRequestAsync(string userId, Guid requestId, CancellationToken ct)
    {
        var found = await FindAsync(userId, requestId, ct);
        if (found is not var (request, role)) return null;
        var thanks = await db.Set<RequestThanks>().AsNoTracking().Include(t => t.WrittenBy).SingleOrDefaultAsync(t => t.RequestId == requestId, ct);
        var helper = request.ClaimedBy is { } claimer ? RequestDescriptions.FirstName(FormerMember.Shown(claimer.DisplayName, text)) : null;
        var canWrite = WhyNot(request, role, userId) is null && (thanks is null || thanks.WrittenById == userId);
        return new RequestThanksView(request.Id, request.CircleId, helper, canWrite, thanks is null ? null : Describe(thanks));
    }

    /// <summary>Writes the thanks, or changes the writer's own; the volunteer is told the first time only.</summary>
    public async Task<Outcome<ThanksResponse>> SayAsync(string userId, Guid requestId, ThanksInput input, CancellationToken ct)
    {
        var found = await FindAsync(userId, requestId, ct);
        if (found is not var (request, role)) return NotFound();
        if (WhyNot(request, role, userId) is { } refusal) return refusal;
        var errors = new FieldErrors();
        var note = errors.Required(text, "note", input.Note, RequestThanks.NoteMaxLength);
        if (errors.Any) return errors;

        var now = clock.GetUtcNow();
        var thanks = await db.Set<RequestThanks>().Include(t => t.WrittenBy).SingleOrDefaultAsync(t => t.RequestId == requestId, ct);
        if (thanks is not null && thanks.WrittenById != userId) return AlreadyThanked(thanks);
        IReadOnlyList<Notification> told = [];
        if (thanks is null)
        {
            thanks = new RequestThanks
            {
                RequestId = request.Id, CircleId = request.CircleId, WrittenById = userId, VolunteerId = request.ClaimedById!, Note = note, WrittenAt = now,
            };
            db.Add(thanks);
            told = await TellVolunteerAsync(request, thanks, userId, now, ct);
        }
        else if (thanks.Note != note) (thanks.Note, thanks.ChangedAt) = (note, now);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (thanks.ChangedAt is null && told.Count > 0)
        {
            // Someone else of the circle thanked at the same moment: the unique request id let one of them in.
            db.ChangeTracker.Clear();
            var first = await db.Set<RequestThanks>().AsNoTracking().Include(t => t.WrittenBy).SingleOrDefaultAsync(t => t.RequestId == requestId, ct);
            if (first is null) throw;
            return AlreadyThanked(first);
        }
        db.ChangeTracker.Clear();
        logger.LogInformation("Thanks {ThanksId} for request {RequestId} {Change}", thanks.Id, requestId, told.Count == 0 ? "changed" : "written");
        if (told.Count > 0)
        {
            await notifier.AnnounceAsync(told);
            await mail.NowAsync(ct);
        }
        var saved = await db.Set<RequestThanks>().AsNoTracking().Include(t => t.WrittenBy).SingleAsync(t => t.Id == thanks.Id, ct);
        return Describe(saved);
    }

    /// <summary>The thanks a volunteer received, newest first.</summary>
    public async Task<IReadOnlyList<ReceivedThanks>> ReceivedAsync(string volunteerId, CancellationToken ct)
    {
        var rows = await db.Set<RequestThanks>().AsNoTracking().Where(t => t.VolunteerId == volunteerId)
            .OrderByDescending(t => t.WrittenAt)
            .Select(t => new
            {
                t.Id, t.RequestId, t.Request!.Title, t.Request.StartsAt, t.Request.ClosedAt, t.Request.EndsAt, t.Note,
                Writer = t.WrittenBy!.DisplayName, t.WrittenAt,
            })
            .ToListAsync(ct);
        return rows.Select(t => new ReceivedThanks(t.Id, t.RequestId, t.Title, HelpDay(t.StartsAt, t.ClosedAt, t.EndsAt), t.Note,
            RequestDescriptions.FirstName(FormerMember.Shown(t.Writer, text)), t.WrittenAt)).ToList();
    }

    /// <summary>The day help was given: a timed request's start; a flexible one's day of being marked done (before its deadline).</summary>
    public static DateOnly HelpDay(DateTimeOffset? startsAt, DateTimeOffset? closedAt, DateTimeOffset endsAt) =>
        DateOnly.FromDateTime((startsAt ?? closedAt ?? endsAt).ToAmsterdam().DateTime);

    /// <summary>The request and the viewer's role in its circle; null for whoever is neither in the circle nor its helper.</summary>
    private async Task<(HelpRequest Request, CircleRole? Role)?> FindAsync(string userId, Guid requestId, CancellationToken ct)
    {
        var request = await db.Set<HelpRequest>().AsNoTracking().Include(r => r.ClaimedBy).Include(r => r.Circle)
            .SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return null;
        var role = await db.Set<CircleMember>().Where(m => m.CircleId == request.CircleId && m.UserId == userId)
            .Select(m => (CircleRole?)m.Role).FirstOrDefaultAsync(ct);
        return role is not null || request.ClaimedById == userId ? (request, role) : null;
    }

    private Refusal? WhyNot(HelpRequest request, CircleRole? role, string userId)
    {
        if (role is not { } r || request.ClaimedById == userId || (request.RequestedById != userId && !CircleMember.CanManage(r)))
            return Refusal.Forbidden(text["Thanks.OnlyRequester"]);
        if (request.Status != RequestStatus.Done || request.ClaimedById is null) return Refusal.Conflict(text["Thanks.NotDone"]);
        return null;
    }

    private Refusal AlreadyThanked(RequestThanks thanks) =>
        Refusal.Conflict(text["Thanks.AlreadyThanked", RequestDescriptions.FirstName(FormerMember.Shown(thanks.WrittenBy?.DisplayName, text))]);

    private Refusal NotFound() => Refusal.NotFound(text["Request.NotFound"]);

    /// <summary>In the notification centre and by mail as they set it. The note stays out of both: it is read in the app.</summary>
    private async Task<IReadOnlyList<Notification>> TellVolunteerAsync(HelpRequest request, RequestThanks thanks, string writerId, DateTimeOffset now, CancellationToken ct)
    {
        var writer = await db.Users.Where(u => u.Id == writerId).Select(u => u.DisplayName).SingleAsync(ct);
        var data = new NotificationData(request.Title, Person: RequestDescriptions.FirstName(writer));
        return await notifier.AddAsync([new NewNotification(thanks.VolunteerId, NotificationKind.Thanked, data,
            $"{ThanksPaths.Received}#thanks-{thanks.Id}", $"thanks:{request.Id:N}")], now, ct);
    }

    private ThanksResponse Describe(RequestThanks t) =>
        new(t.Id, t.RequestId, t.Note, RequestDescriptions.FirstName(FormerMember.Shown(t.WrittenBy?.DisplayName, text)), t.WrittenAt, t.ChangedAt);
}

public static class ThanksPaths
{
    public const string Received = "/help/thanks";
    public const string Overview = "/help/overview";

    /// <summary>The circle's own page about thanks: what it allows in the volunteers' overviews.</summary>
    public static string Circle(Guid circleId) => $"/circles/{circleId}/thanks";

    public static string Form(Guid circleId, Guid requestId) => $"/circles/{circleId}/requests/{requestId}/thanks";
}
