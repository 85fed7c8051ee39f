using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Audit;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>"Doorverwezen naar X" on one request in a list: the latest referral.</summary>
public sealed record ReferralSummary(Guid RequestId, string OrganisationName, DateTimeOffset CreatedAt);

/// <summary>
/// Referring an escalated request to an organisation of the social map: by a professional of the request's gebied or
/// an admin, while it is open. Recorded as a referral, a request event and a logbook line in one save; the circle's
/// hoofdpersoon and coördinators are told. The request stays open: a volunteer may still take it.
/// Anyone else gets the answer for a request that does not exist.
/// </summary>
public sealed class Referrals(
    WehelpenDbContext db, BuurtteamAccess access, RequestJournal journal, Notifier notifier, RequestNews live, AuditTrail audit,
    TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>
    /// The request and, when it cannot be referred now, why. The request is null (and the refusal a 404) for whoever
    /// may not know of it: not of their gebied, or never escalated (an admin hears why instead).
    /// </summary>
    public async Task<(HelpRequest? Request, Refusal? Refusal)> CheckAsync(ClaimsPrincipal user, Guid requestId, CancellationToken ct)
    {
        var request = await db.Set<HelpRequest>().Include(r => r.Circle).SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || !await IsOfMyAreaAsync(user, request, ct)) return (null, NotFound());
        if (request.EscalatedAt is null)
            return user.IsInRole(Roles.Admin) ? (request, Refusal.Conflict(text["Referral.NotEscalated"])) : (null, NotFound());
        if (request.Status != RequestStatus.Open || request.EndsAt <= clock.GetUtcNow()) return (request, Refusal.Conflict(text["Referral.NotOpen"]));
        return (request, null);
    }

    public async Task<Outcome<ReferralResponse>> ReferAsync(ClaimsPrincipal user, Guid requestId, ReferralInput input, CancellationToken ct)
    {
        var (found, refusal) = await CheckAsync(user, requestId, ct);
        if (refusal is not null) return refusal;
        var request = found!;

        var errors = new FieldErrors();
        var note = errors.Optional(text, "note", input.Note, Referral.NoteMaxLength);
        Organisation? organisation = null;
        if (input.OrganisationId is not { } organisationId) errors.Add("organisationId", text["Referral.OrganisationRequired"]);
        else if ((organisation = await db.Set<Organisation>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct)) is null)
            errors.Add("organisationId", text["Referral.OrganisationUnknown"]);
        if (errors.Any) return errors;

        var userId = user.RequiredUserId();
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var referral = new Referral
        {
            RequestId = request.Id, OrganisationId = organisation!.Id, OrganisationName = organisation.Name,
            ReferredById = userId, ReferredByName = name, Note = note, CreatedAt = now,
        };
        db.Add(referral);
        var referrer = new RequestViewer(userId, name, null, IsVolunteer: false, IsProfessional: true, IsBlocked: false);
        journal.Record(request, RequestChange.Referred, referrer, note, now, subject: organisation.Name);
        var told = await TellCircleAsync(request, referral, userId, now, ct);
        audit.Record(userId, AuditActions.RequestRefer, AuditTargets.HelpRequest, request.Id.ToString());
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        await notifier.AnnounceAsync(told);
        await live.RequestChangedAsync(request.Id);
        return (await ForRequestAsync(request.Id, ct)).First(r => r.Id == referral.Id);
    }

    /// <summary>The hoofdpersoon and the coördinators, in the app and by mail (as they set it), in the same save.</summary>
    private async Task<IReadOnlyList<Notification>> TellCircleAsync(HelpRequest request, Referral referral, string referrerId, DateTimeOffset now, CancellationToken ct)
    {
        var managers = await CircleMember.ManagerIds(db.Set<CircleMember>(), request.CircleId).Where(id => id != referrerId).ToListAsync(ct);
        var data = new NotificationData(request.Title, Circle: request.Circle?.Name, Organisation: referral.OrganisationName);
        return await notifier.AddAsync(managers.Select(id => new NewNotification(id, NotificationKind.Referred, data,
            $"{CircleRequestPageModel.PathsOf(request.CircleId)}/{request.Id}", $"referred:{referral.Id:N}:{id}")).ToList(), now, ct);
    }

    /// <summary>A request's referrals, latest first, with each organisation's contact details as they are now. No access check: callers do that.</summary>
    public async Task<IReadOnlyList<ReferralResponse>> ForRequestAsync(Guid requestId, CancellationToken ct)
    {
        var referrals = await db.Set<Referral>().AsNoTracking()
            .Include(r => r.Organisation).ThenInclude(o => o!.UpdatedBy)
            .Where(r => r.RequestId == requestId).ToListAsync(ct);
        return referrals.OrderByDescending(r => r.CreatedAt)
            .Select(r => new ReferralResponse(r.Id, r.RequestId, r.OrganisationName, r.ReferredByName, r.Note, r.CreatedAt,
                r.Organisation is { } o ? SocialMapQueries.Describe(o) : null))
            .ToList();
    }

    /// <summary>For the circle (members), the professionals of its gebied and admins; null for anyone else, as for a request that does not exist.</summary>
    public async Task<IReadOnlyList<ReferralResponse>?> ForViewerAsync(ClaimsPrincipal user, Guid requestId, CancellationToken ct)
    {
        var request = await db.Set<HelpRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return null;
        var userId = user.RequiredUserId();
        var isMember = await db.Set<CircleMember>().AnyAsync(m => m.CircleId == request.CircleId && m.UserId == userId, ct);
        var isBuurtteam = (request.EscalatedAt is not null || user.IsInRole(Roles.Admin)) && await IsOfMyAreaAsync(user, request, ct);
        return isMember || isBuurtteam ? await ForRequestAsync(requestId, ct) : null;
    }

    /// <summary>For the buurtteam's list: per request, the latest referral ("doorverwezen naar X"); requests without one are left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, ReferralSummary>> LatestForAsync(IReadOnlyCollection<Guid> requestIds, CancellationToken ct)
    {
        if (requestIds.Count == 0) return new Dictionary<Guid, ReferralSummary>();
        var rows = await db.Set<Referral>().AsNoTracking().Where(r => requestIds.Contains(r.RequestId))
            .Select(r => new ReferralSummary(r.RequestId, r.OrganisationName, r.CreatedAt)).ToListAsync(ct);
        return rows.GroupBy(r => r.RequestId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.CreatedAt)!);
    }

    private async Task<bool> IsOfMyAreaAsync(ClaimsPrincipal user, HelpRequest request, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin)) return true;
        var area = AmsterdamAreas.ForPc4(request.Pc4);
        return area is not null && (await access.AreasAsync(user, ct)).Contains(area);
    }

    private Refusal NotFound() => Refusal.NotFound(text["Request.NotFound"]);
}
