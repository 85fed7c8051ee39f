using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Thanks;

/// <summary>
/// /circles/{circleId}/requests/{requestId}/thanks: where the thanks form on the request's page posts. After saving
/// it goes back to the request; a refusal is shown here with what was typed. A request of another circle, or one the
/// viewer may not see, is not found.
/// </summary>
public sealed class ThankModel(Thanking thanking, IStringLocalizer<SharedResource> text) : CircleRequestPageModel
{
    public RequestThanksView View { get; private set; } = default!;

    [BindProperty] public ThanksForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken ct)
    {
        if (!await LoadAsync(requestId, ct)) return NotFound();
        Input.Note = View.Thanks?.Note;
        return Page();
    }

    [EnableRateLimiting(ThanksExtensions.WritingLimit)]
    public async Task<IActionResult> OnPostAsync(Guid requestId, CancellationToken ct)
    {
        if (!await LoadAsync(requestId, ct)) return NotFound();
        var said = await thanking.SayAsync(Membership.UserId, requestId, new ThanksInput(Input.Note), ct);
        if (said.Failed(ModelState)) return await LoadAsync(requestId, ct) ? Page() : NotFound();
        Notice = text["Thanks.Sent", View.HelperFirstName ?? ""];
        return Redirect(RequestPath(requestId));
    }

    private async Task<bool> LoadAsync(Guid requestId, CancellationToken ct)
    {
        if (await thanking.ForRequestAsync(Membership.UserId, requestId, ct) is not { } view || view.CircleId != Membership.CircleId) return false;
        View = view;
        return true;
    }
}
