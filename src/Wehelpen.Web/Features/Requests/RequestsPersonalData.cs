using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Localization;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// Requests a person asked, tasks they took on, and the history of both. On erasure the circle keeps its requests:
/// those they asked that are still open are cancelled, tasks they had taken on are given back (the circle is told),
/// and everything else stays with a former member in their place.
/// </summary>
internal sealed class RequestsPersonalData(
    WehelpenDbContext db, RequestAccess access, RequestJournal journal, Notifier notifier, RequestNews live, ReminderPlanner reminders, MatchingRefresher matching,
    IStringLocalizer<SharedResource> text) : IPersonalData
{
    /// <summary>Before the features whose rows follow the requests (the chat threads of a claim).</summary>
    public const int ErasureOrder = ChatPersonalData.ErasureOrder - 1;

    public int Order => ErasureOrder;

    public IEnumerable<PersonalColumn> Columns =>
    [
        new("HelpRequests", "RequestedById"),
        new("HelpRequests", "ClaimedById"),
        new("HelpRequests", "AddressedToId"),
        new("RequestEvents", "ActorId"),
        new("VolunteerBlocks", "VolunteerId", "a circle blocks a volunteer without telling them; the export of the circle's side would tell"),
        new("VolunteerBlocks", "BlockedById"),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("requests", _ => db.Set<HelpRequest>().AsNoTracking().Where(r => r.RequestedById == userId).OrderBy(r => r.CreatedAt)
            .Select(r => new
            {
                r.Id, r.CircleId, Category = r.Category.ToString(), r.Title, r.Description, r.StartsAt, r.EndsAt, r.Postcode, r.Address, r.ContactPhone,
                Audience = r.Audience.ToString(), Status = r.Status.ToString(), r.CreatedAt, r.ClosedAt,
            })
            .AsAsyncEnumerable()),
        new("tasks", _ => db.Set<HelpRequest>().AsNoTracking().Where(r => r.ClaimedById == userId).OrderBy(r => r.ClaimedAt)
            .Select(r => new { r.Id, Category = r.Category.ToString(), r.Title, r.StartsAt, r.EndsAt, r.Pc4, Status = r.Status.ToString(), r.ClaimedAt, r.ComingConfirmedAt, r.ClosedAt, r.HelperConfirmed })
            .AsAsyncEnumerable()),
        new("request-events", _ => db.Set<RequestEvent>().AsNoTracking()
            .Where(e => e.ActorId == userId || db.Set<HelpRequest>().Any(r => r.Id == e.RequestId && r.RequestedById == userId))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.RequestId, Change = e.Change.ToString(), By = e.ActorName, ByYou = e.ActorId == userId, e.Reason, e.At })
            .AsAsyncEnumerable()),
        new("blocked-by-you", _ => db.Set<VolunteerBlock>().AsNoTracking().Where(b => b.BlockedById == userId)
            .Select(b => new { b.CircleId, Volunteer = b.Volunteer!.DisplayName, b.BlockedAt })
            .AsAsyncEnumerable()),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var id = erasure.UserId;
        var former = new RequestViewer(FormerMember.Id, "", null, false, false, false);
        var reason = LocalizationExtensions.InLanguage("nl", () => text["Request.ErasedAccountReason"].Value);
        var changed = new List<(Guid Request, string? FormerHelper)>();

        foreach (var r in await db.Set<HelpRequest>().Where(r => r.RequestedById == id && r.Status == RequestStatus.Open).ToListAsync(ct))
        {
            RequestRules.Cancel(r, Person(id), erasure.Now);
            journal.Record(r, RequestChange.Cancelled, former, reason, erasure.Now);
            changed.Add((r.Id, null));
        }
        var givenBack = await db.Set<HelpRequest>().Include(r => r.Circle).Where(r => r.ClaimedById == id && r.Status == RequestStatus.Claimed).ToListAsync(ct);
        foreach (var r in givenBack)
        {
            RequestRules.GiveBack(r, Person(id), await access.PolicyAsync(r.CircleId, ct), erasure.Now);
            journal.Record(r, RequestChange.GivenBack, former, reason, erasure.Now);
            changed.Add((r.Id, id));
        }
        var notices = await TellCirclesAsync(givenBack, erasure.Now, ct);
        // A request that was meant for them alone now goes to the whole circle, as when someone gives a task back.
        foreach (var r in await db.Set<HelpRequest>().Where(r => r.AddressedToId == id && r.Status == RequestStatus.Open).ToListAsync(ct))
        {
            (r.Audience, r.AddressedToId, r.AudienceSince) = (RequestAudience.Circle, null, erasure.Now);
            r.WidensAt = r.EscalatedAt is null ? (await access.PolicyAsync(r.CircleId, ct)).NextStepAt(r.Audience, erasure.Now) : null;
            r.Version++;
            journal.Record(r, RequestChange.Widened, former, reason, erasure.Now);
            changed.Add((r.Id, null));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        await db.Set<HelpRequest>().Where(r => r.RequestedById == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestedById, FormerMember.Id), ct);
        await db.Set<HelpRequest>().Where(r => r.ClaimedById == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedById, FormerMember.Id), ct);
        await db.Set<HelpRequest>().Where(r => r.AddressedToId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AddressedToId, FormerMember.Id), ct);
        await db.Set<RequestEvent>().Where(e => e.ActorId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorId, FormerMember.Id).SetProperty(e => e.ActorName, ""), ct);
        await db.Set<VolunteerBlock>().Where(b => b.VolunteerId == id).ExecuteDeleteAsync(ct);
        await db.Set<VolunteerBlock>().Where(b => b.BlockedById == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.BlockedById, FormerMember.Id), ct);

        erasure.AfterCommit(async _ =>
        {
            await matching.ChangedAsync(changed.Select(c => c.FormerHelper).OfType<string>(), changed.Select(c => c.Request));
            foreach (var (request, formerHelper) in changed)
            {
                await live.RequestChangedAsync(request, formerHelper);
                await reminders.SubjectChangedAsync(request, CancellationToken.None);
            }
            await notifier.AnnounceAsync(notices);
        });
    }

    /// <summary>
    /// The circle's requests go. Matching drops the open and claimed ones from its index and takes in their helpers'
    /// lighter load once the erasure is committed; the closed ones (most of a circle's history) go in one statement.
    /// </summary>
    public async Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct)
    {
        var requests = db.Set<HelpRequest>().Where(r => r.CircleId == erasure.CircleId);
        erasure.Subjects.UnionWith((await requests.Select(r => r.Id).ToListAsync(ct)).Select(id => id.ToString()));
        var current = await requests.Where(r => r.Status == RequestStatus.Open || r.Status == RequestStatus.Claimed).ToListAsync(ct);
        db.RemoveRange(current);
        await db.SaveChangesAsync(ct);
        var (helpers, ids) = (current.Select(r => r.ClaimedById).OfType<string>().ToList(), current.Select(r => r.Id).ToList());
        erasure.AfterCommit(_ => matching.ChangedAsync(helpers, ids));
        db.ChangeTracker.Clear();
        await requests.ExecuteDeleteAsync(ct);
    }

    /// <summary>The person as the rules know them: the one who asked, or the helper, of this request.</summary>
    private static RequestViewer Person(string userId) => new(userId, "", null, false, false, false);

    /// <summary>Whoever asked and the circle's managers hear that the helper is gone and the task is open again.</summary>
    private async Task<IReadOnlyList<Notification>> TellCirclesAsync(IReadOnlyList<HelpRequest> givenBack, DateTimeOffset now, CancellationToken ct)
    {
        var notices = new List<NewNotification>();
        foreach (var r in givenBack)
        {
            var managers = await CircleMember.ManagerIds(db.Set<CircleMember>(), r.CircleId).ToListAsync(ct);
            foreach (var userId in managers.Append(r.RequestedById).Distinct().Where(u => !FormerMember.Is(u)))
                notices.Add(new NewNotification(userId, NotificationKind.HelperLeft, new NotificationData(Title: r.Title, Circle: r.Circle!.Name),
                    $"/circles/{r.CircleId}/requests/{r.Id}", $"helper-left:{r.Id}:{r.Version}:{userId}"));
        }
        return notices.Count == 0 ? [] : await notifier.AddAsync(notices, now, ct);
    }
}
