using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Requests.Matching;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// One request of the circle, everything about it and its history, with the buttons the viewer may use. Only
/// requests of this circle: another circle's request (or a made-up id) is not found here.
/// </summary>
public sealed class CircleRequestModel(
    RequestLifecycle lifecycle, CircleRequestSettings settings, CircleManagement circles, RequestWaves waves, Conversations conversations,
    AddressViews addressViews, IStringLocalizer<SharedResource> text)
    : CircleRequestPageModel
{
    public RequestDetails Details { get; private set; } = default!;

    /// <summary>How many volunteers nearby matching asked, per wave: never who.</summary>
    public WaveSummary Waves { get; private set; } = default!;

    /// <summary>A volunteer from outside the circle took it on, and a manager may block them.</summary>
    public bool CanBlock { get; private set; }

    /// <summary>The conversation with whoever took it on: for whoever asked and the circle's managers; null for other members.</summary>
    public ChatThreadView? Thread { get; private set; }

    /// <summary>"Wie heeft het adres gezien": for the hoofdpersoon and coördinators; null for everyone else.</summary>
    public IReadOnlyList<AddressViewResponse>? AddressViews { get; private set; }

    [BindProperty] public ChatForm Message { get; set; } = ChatForm.New();
    [BindProperty] public ReasonInput GiveBack { get; set; } = new();
    [BindProperty] public ReasonInput Cancel { get; set; } = new();

    public sealed class ReasonInput
    {
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken ct) =>
        await LoadAsync(requestId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostClaimAsync(Guid requestId, CancellationToken ct) =>
        ActAsync(requestId, "CircleRequests.Done.Claimed", () => lifecycle.ClaimAsync(Membership.UserId, requestId, ct), ct);

    public Task<IActionResult> OnPostGiveBackAsync(Guid requestId, CancellationToken ct) =>
        ActAsync(requestId, "CircleRequests.Done.GivenBack",
            () => lifecycle.GiveBackAsync(Membership.UserId, requestId, new GiveBackRequest(GiveBack.Reason), ct), ct, nameof(GiveBack));

    public Task<IActionResult> OnPostDoneAsync(Guid requestId, CancellationToken ct) =>
        ActAsync(requestId, "CircleRequests.Done.Done", () => lifecycle.MarkDoneAsync(Membership.UserId, requestId, ct), ct);

    public Task<IActionResult> OnPostCancelAsync(Guid requestId, CancellationToken ct) =>
        ActAsync(requestId, "CircleRequests.Done.Cancelled",
            () => lifecycle.CancelAsync(Membership.UserId, requestId, new CancelRequest(Cancel.Reason), ct), ct, nameof(Cancel));

    public Task<IActionResult> OnPostWidenAsync(Guid requestId, CancellationToken ct) =>
        ActAsync(requestId, "CircleRequests.Done.Widened", () => lifecycle.WidenAsync(Membership.UserId, requestId, ct), ct);

    public Task<IActionResult> OnPostConfirmAsync(Guid requestId, bool? happened, CancellationToken ct) =>
        ActAsync(requestId, happened == false ? "CircleRequests.Done.Disputed" : "CircleRequests.Done.Confirmed",
            () => lifecycle.ConfirmAsync(Membership.UserId, requestId, new ConfirmRequest(happened), ct), ct);

    [EnableRateLimiting(ChatExtensions.SendLimit)]
    public async Task<IActionResult> OnPostChatAsync(Guid requestId, CancellationToken ct)
    {
        if (!await LoadAsync(requestId, ct)) return NotFound();
        var sent = await conversations.SendAsync(Membership.UserId, ChatTarget.Request(requestId), Message.ToInput(), ct);
        if (!ChatForm.Failed(sent, ModelState)) return Redirect($"{RequestPath(requestId)}#chat-form");
        return await LoadAsync(requestId, ct) ? Page() : NotFound();
    }

    /// <summary>Blocks whoever took this request on: the page names no one else, so no other id is accepted.</summary>
    public async Task<IActionResult> OnPostBlockAsync(Guid requestId, CancellationToken ct)
    {
        if (!Membership.CanManage) return Forbid();
        if (!await LoadAsync(requestId, ct)) return NotFound();
        var volunteerId = Details.ClaimedById ?? "";
        return await ActAsync(requestId, "CircleRequests.Done.Blocked", () => settings.BlockAsync(Membership, volunteerId, ct), ct);
    }

    /// <summary>Does what was asked after checking the request is this circle's; a refusal is shown on the page with what was typed.</summary>
    private async Task<IActionResult> ActAsync<T>(Guid requestId, string notice, Func<Task<Outcome<T>>> action, CancellationToken ct, string prefix = "Input")
        where T : class
    {
        if (!await LoadAsync(requestId, ct)) return NotFound();
        var (title, helper) = (Details.Summary.Title, Details.Summary.ClaimedByName);
        if ((await action()).Failed(ModelState, prefix))
            return await LoadAsync(requestId, ct) ? Page() : NotFound();
        Notice = text[notice, title, helper ?? ""];
        return Redirect(RequestPath(requestId));
    }

    private async Task<bool> LoadAsync(Guid requestId, CancellationToken ct)
    {
        var details = await lifecycle.GetAsync(Membership.UserId, requestId, ct);
        if (details is null || details.CircleId != Membership.CircleId) return false;
        Details = details;
        Waves = await waves.SummaryAsync(requestId, ct);
        AddressViews = Membership.CanManage ? (await addressViews.ForCircleAsync(Membership, requestId, ct)).Value : null;
        CanBlock = Membership.CanManage && details.ClaimedById is { } helperId
            && !(await circles.MembersAsync(Membership.CircleId, ct)).Any(m => m.UserId == helperId)
            && !(await settings.BlockedAsync(Membership, ct)).Any(b => b.VolunteerId == helperId);
        var thread = await conversations.HistoryAsync(Membership.UserId, ChatTarget.Request(requestId), new ChatHistoryQuery(), ct);
        // The circle talks with the helper by name; the helper (a member who took it on) with the circle.
        var heading = details.Summary.ClaimedByName is { } helper && details.ClaimedById != Membership.UserId
            ? text["Chat.Request.TitleWith", helper]
            : text["Chat.Request.Title"];
        Thread = thread.Value is { } page
            ? new ChatThreadView(page, heading, Membership.UserId, Message, $"{RequestPath(requestId)}?handler=chat", null, null)
            : null;
        return true;
    }
}
