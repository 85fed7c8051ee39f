using Microsoft.AspNetCore.Authorization;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Push;
using Wehelpen.Web.Features.Requests.Matching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Help;

/// <summary>
/// /help/{requestId}: one request as a volunteer or buurtteam professional may see it, and what they can do with it.
/// A request they may not see is the site's 404, the same as one that does not exist.
/// </summary>
[Authorize]
public sealed class DetailsModel(RequestLifecycle lifecycle, Conversations conversations, PushSuggestion pushSuggestion, IStringLocalizer<SharedResource> text) : PageModel
{
    public RequestDetails Details { get; private set; } = default!;

    /// <summary>The conversation with the circle, for the volunteer who took it on; null for anyone else.</summary>
    public ChatThreadView? Thread { get; private set; }

    [BindProperty] public ChatForm Message { get; set; } = ChatForm.New();
    [BindProperty] public GiveBackInput GiveBack { get; set; } = new();
    [TempData] public string? Notice { get; set; }

    /// <summary>Just took on their first task, without pushes on any device: suggest them, once.</summary>
    [TempData] public bool SuggestPush { get; set; }

    /// <summary>The give-back form stays open while it has something to say about what they wrote.</summary>
    public bool GiveBackOpen => ModelState.Keys.Any(k => k.StartsWith(nameof(GiveBack), StringComparison.Ordinal) && ModelState[k]!.Errors.Count > 0);

    public sealed class GiveBackInput
    {
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken ct)
    {
        if (await lifecycle.GetAsync(User.RequiredUserId(), requestId, ct) is not { } details) return NotFound();
        // Members of the circle have their own page, with everything and the history.
        if (details.View == RequestView.Circle) return Redirect($"/circles/{details.CircleId}/requests/{requestId}");
        Details = details;
        await LoadThreadAsync(requestId, ct);
        return Page();
    }

    /// <summary>The card of a live alert (wwwroot/js/live.js): the request as this volunteer was asked about it, with "Ik help".</summary>
    [EnableRateLimiting(ChatExtensions.SendLimit)]
    public async Task<IActionResult> OnPostChatAsync(Guid requestId, CancellationToken ct)
    {
        var sent = await conversations.SendAsync(User.RequiredUserId(), ChatTarget.Request(requestId), Message.ToInput(), ct);
        if (sent.Refusal?.Status == StatusCodes.Status404NotFound) return NotFound();
        if (!ChatForm.Failed(sent, ModelState)) return Redirect($"/help/{requestId}#chat-form");
        if (await lifecycle.GetAsync(User.RequiredUserId(), requestId, ct) is not { View: not RequestView.Circle } details) return NotFound();
        Details = details;
        await LoadThreadAsync(requestId, ct);
        return Page();
    }

    private async Task LoadThreadAsync(Guid requestId, CancellationToken ct)
    {
        var page = await conversations.HistoryAsync(User.RequiredUserId(), ChatTarget.Request(requestId), new ChatHistoryQuery(), ct);
        if (page.Value is { } thread)
            Thread = new ChatThreadView(thread, text["Chat.Request.Title"], User.RequiredUserId(), Message, $"/help/{requestId}?handler=chat", null, null);
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid requestId, CancellationToken ct)
    {
        var outcome = await lifecycle.ClaimAsync(User.RequiredUserId(), requestId, ct);
        // Once another volunteer has it, it is no longer theirs to see. The answer must not tell whether it exists at
        // all (a made-up id gets the same), yet be kind to whoever was just too late: the other requests, with thanks.
        if (outcome.Refusal?.Status == StatusCodes.Status404NotFound)
        {
            Notice = text["Help.Claim.Gone"];
            return Redirect("/help");
        }
        if (outcome.Value is not null) SuggestPush = await pushSuggestion.OfferOnceAsync(User.RequiredUserId(), ct);
        return await AfterAsync(requestId, outcome, "Input",
            done => (text["Help.Claimed", done.ResidentName ?? done.Summary.ResidentFirstName], $"/help/{requestId}"), ct);
    }

    public async Task<IActionResult> OnPostGiveBackAsync(Guid requestId, CancellationToken ct) =>
        await AfterAsync(requestId, await lifecycle.GiveBackAsync(User.RequiredUserId(), requestId, new GiveBackRequest(GiveBack.Reason), ct), nameof(GiveBack),
            done => (text["Help.GivenBack", done.Summary.Title], "/help/mine"), ct);

    public async Task<IActionResult> OnPostDoneAsync(Guid requestId, CancellationToken ct) =>
        await AfterAsync(requestId, await lifecycle.MarkDoneAsync(User.RequiredUserId(), requestId, ct), "Input",
            done => (text["Help.MarkedDone", done.Summary.Title], $"/help/{requestId}"), ct);

    /// <summary>"Ja, ik kom": the circle knows, and the reminder the day before no longer asks.</summary>
    public async Task<IActionResult> OnPostComingAsync(Guid requestId, CancellationToken ct) =>
        await AfterAsync(requestId, await lifecycle.ConfirmComingAsync(User.RequiredUserId(), requestId, ct), "Input",
            _ => (text["Help.Coming.Thanks"], $"/help/{requestId}"), ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid requestId, bool? happened, CancellationToken ct) =>
        await AfterAsync(requestId, await lifecycle.ConfirmAsync(User.RequiredUserId(), requestId, new ConfirmRequest(happened), ct), "Input",
            _ => (text[happened == true ? "Help.ConfirmedHappened" : "Help.ConfirmedNotHappened"], $"/help/{requestId}"), ct);

    /// <summary>
    /// Done: back to a page with a notice. Refused: the request again with the reason and what they wrote; when they
    /// may no longer see it (someone else was just ahead of them), the list of other requests with the reason.
    /// </summary>
    private async Task<IActionResult> AfterAsync(
        Guid requestId, Outcome<RequestDetails> outcome, string prefix, Func<RequestDetails, (string Notice, string Next)> next, CancellationToken ct)
    {
        if (outcome.Refusal?.Status == StatusCodes.Status404NotFound) return NotFound();
        if (!outcome.Failed(ModelState, prefix))
        {
            (Notice, var path) = next(outcome.Value!);
            return Redirect(path);
        }
        if (await lifecycle.GetAsync(User.RequiredUserId(), requestId, ct) is { View: not RequestView.Circle } details)
        {
            Details = details;
            return Page();
        }
        Notice = outcome.Refusal?.Message;
        return Redirect("/help");
    }
}
