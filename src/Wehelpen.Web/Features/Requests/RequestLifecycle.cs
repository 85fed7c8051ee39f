using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Push;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Audit;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// Claiming, giving back, marking done, cancelling, widening and confirming: for the circle, the helper and the
/// neighbourhood alike. Someone who may not see a request gets the same answer as for one that does not exist.
/// </summary>
public sealed class RequestLifecycle(
    WehelpenDbContext db, RequestAccess access, RequestJournal journal, RequestDescriptions descriptions, AddressViews addressViews,
    RequestNews live, ReminderPlanner reminders, MatchingRefresher matching, RequestSweeper sweeper, AuditTrail audit, RequestMetrics metrics,
    RequestPushes pushes, PushWake pushWake, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>
    /// The request as this person may see it. Every page, API answer and hub call that shows a request outside the
    /// circle comes here, so this is where the helper's view of the address, phone and full postcode is recorded.
    /// </summary>
    public async Task<RequestDetails?> GetAsync(string userId, Guid requestId, CancellationToken ct)
    {
        if (await access.FindAsync(userId, requestId, ct) is not var (request, viewer, view)) return null;
        if (view == RequestView.Helper) await addressViews.RecordAsync(request, viewer, ct);
        return descriptions.Describe(request, viewer, view, clock.GetUtcNow());
    }

    public Task<Outcome<RequestDetails>> ClaimAsync(string userId, Guid requestId, CancellationToken ct) =>
        ChangeAsync(userId, requestId, RequestChange.Claimed, null,
            (r, v, now) => RequestRules.CheckClaim(r, v, now),
            (r, v, _, now) =>
            {
                // Taken on only by the buurtteam's power (not as a member or a volunteer nearby): on the audit log, in the same save.
                if (RequestRules.CheckClaim(r, v with { BuurtteamAreas = null }, now) is not null)
                    audit.Record(v.UserId, AuditActions.RequestTakeOn, AuditTargets.HelpRequest, r.Id.ToString());
                RequestRules.Claim(r, v, now);
            }, ct);

    public async Task<Outcome<RequestDetails>> GiveBackAsync(string userId, Guid requestId, GiveBackRequest input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var reason = errors.Required(text, "reason", input.Reason, RequestEvent.ReasonMaxLength);
        if (errors.Any) return errors;
        return await ChangeAsync(userId, requestId, RequestChange.GivenBack, reason,
            (r, v, _) => RequestRules.CheckGiveBack(r, v),
            RequestRules.GiveBack, ct);
    }

    public Task<Outcome<RequestDetails>> MarkDoneAsync(string userId, Guid requestId, CancellationToken ct) =>
        ChangeAsync(userId, requestId, RequestChange.Done, null,
            (r, v, _) => RequestRules.CheckMarkDone(r, v),
            (r, v, _, now) => RequestRules.MarkDone(r, v, now), ct);

    public async Task<Outcome<RequestDetails>> CancelAsync(string userId, Guid requestId, CancelRequest input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var reason = errors.Optional(text, "reason", input.Reason, RequestEvent.ReasonMaxLength);
        if (errors.Any) return errors;
        return await ChangeAsync(userId, requestId, RequestChange.Cancelled, reason,
            (r, v, _) => RequestRules.CheckCancel(r, v),
            (r, v, _, now) => RequestRules.Cancel(r, v, now), ct);
    }

    public Task<Outcome<RequestDetails>> WidenAsync(string userId, Guid requestId, CancellationToken ct) =>
        ChangeAsync(userId, requestId, RequestChange.Widened, null,
            (r, v, _) => RequestRules.CheckWiden(r, v),
            RequestRules.Widen, ct);

    public Task<Outcome<RequestDetails>> ConfirmComingAsync(string userId, Guid requestId, CancellationToken ct) =>
        ChangeAsync(userId, requestId, RequestChange.ComingConfirmed, null,
            RequestRules.CheckConfirmComing,
            (r, v, _, now) => RequestRules.ConfirmComing(r, v, now), ct);

    public async Task<Outcome<RequestDetails>> ConfirmAsync(string userId, Guid requestId, ConfirmRequest input, CancellationToken ct)
    {
        if (input.Happened is not { } happened) return new FieldErrors().Add("happened", text["Request.HappenedRequired"]);
        return await ChangeAsync(userId, requestId, happened ? RequestChange.Confirmed : RequestChange.Disputed, null,
            (r, v, _) => RequestRules.CheckConfirm(r, v),
            (r, v, _, _) => RequestRules.Confirm(r, v, happened), ct);
    }

    /// <summary>
    /// Checks the rule for a friendly answer, applies it, and saves it with the version it was read at. When someone
    /// else changed the request in between (two volunteers claiming at once), the save fails for one of them, who is
    /// then told what happened in their words, from the request as it is now.
    /// </summary>
    private async Task<Outcome<RequestDetails>> ChangeAsync(
        string userId, Guid requestId, RequestChange change, string? reason,
        Func<HelpRequest, RequestViewer, DateTimeOffset, RequestProblem?> check,
        Action<HelpRequest, RequestViewer, WideningPolicy, DateTimeOffset> apply,
        CancellationToken ct)
    {
        var found = await access.FindAsync(userId, requestId, ct);
        if (found is not var (request, viewer, _)) return await WhyNotAsync(userId, requestId, check, NotFound(), ct);
        var now = clock.GetUtcNow();
        if (check(request, viewer, now) is { } problem) return Refuse(problem, request);

        if (!await ApplyAsync(request, viewer, change, reason, apply, push: true, ct))
            return await WhyNotAsync(userId, requestId, check, Refusal.Conflict(text["Request.ChangedMeanwhile"]), ct);
        // Giving back a request whose time has just passed ends one's access to it: they still see what they did.
        return await GetAsync(userId, requestId, ct) ?? descriptions.Describe(request, viewer, RequestView.Outsider, now);
    }

    /// <summary>
    /// An open occurrence handed to its series' regular volunteer when the circle accepts them (Series/Regulars): as
    /// if they had claimed it (the history, their load, reminders, the chat with the circle), though its audience
    /// may not reach them. The circle, who just accepted, is not pushed about each one.
    /// </summary>
    /// <returns>False when it is no longer open, or someone took it in between.</returns>
    public async Task<bool> HandToRegularAsync(string volunteerId, Guid requestId, string reason, CancellationToken ct)
    {
        var request = await db.Set<HelpRequest>().Include(r => r.AddressedTo).SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return false;
        var viewer = await access.ViewerAsync(volunteerId, request.CircleId, requestId, ct);
        if (RequestRules.CheckHandToRegular(request, viewer, clock.GetUtcNow()) is not null)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        return await ApplyAsync(request, viewer, RequestChange.Claimed, reason, (r, v, _, now) => RequestRules.HandToRegular(r, v, now), push: false, ct);
    }

    /// <summary>Applies and saves a change checked before, then tells everyone concerned; false when the save lost a race.</summary>
    private async Task<bool> ApplyAsync(
        HelpRequest request, RequestViewer viewer, RequestChange change, string? reason,
        Action<HelpRequest, RequestViewer, WideningPolicy, DateTimeOffset> apply, bool push, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var helperBefore = request.ClaimedById;
        apply(request, viewer, await access.PolicyAsync(request.CircleId, ct), now);
        journal.Record(request, change, viewer, reason, now);
        if (push) await pushes.AddAsync(request, change, viewer, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        db.ChangeTracker.Clear();
        // Whoever had it and whoever has it now: their load and reliability change with it.
        await matching.ChangedAsync(new[] { helperBefore, request.ClaimedById }.OfType<string>(), [request.Id]);
        metrics.Changed(change, request.Audience);
        await live.RequestChangedAsync(request.Id, helperBefore);
        if (push && RequestPushes.IsPushed(change)) await pushWake.NowAsync(ct);
        await reminders.SubjectChangedAsync(request.Id, ct);
        if (change == RequestChange.Widened && request.Audience == RequestAudience.Neighbourhood) await sweeper.AskFirstWaveAsync(request.Id);
        return true;
    }

    /// <summary>
    /// For someone who may not see the request (any more): volunteers who could see it while it was open to them
    /// (the one who was a moment too late) hear what happened to it; anyone else hears that it does not exist.
    /// </summary>
    private async Task<Refusal> WhyNotAsync(
        string userId, Guid requestId, Func<HelpRequest, RequestViewer, DateTimeOffset, RequestProblem?> check, Refusal otherwise, CancellationToken ct)
    {
        var request = await db.Set<HelpRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return NotFound();
        var viewer = await access.ViewerAsync(userId, request.CircleId, request.Id, ct);
        var now = clock.GetUtcNow();
        if (RequestRules.ViewFor(request, viewer, now) is null && !RequestRules.WasOpenTo(request, viewer)) return NotFound();
        return check(request, viewer, now) is { } problem ? Refuse(problem, request) : otherwise;
    }

    private Refusal NotFound() => Refusal.NotFound(text["Request.NotFound"]);

    private Refusal Refuse(RequestProblem problem, HelpRequest request) => problem switch
    {
        RequestProblem.NotOpen => Refusal.Conflict(text[$"Request.Problem.NotOpen.{request.Status}"]),
        RequestProblem.TimePassed or RequestProblem.AlreadyWidest or RequestProblem.NotClaimed or RequestProblem.NotDone
            => Refusal.Conflict(text[$"Request.Problem.{problem}"]),
        _ => Refusal.Forbidden(text[$"Request.Problem.{problem}"]),
    };
}
