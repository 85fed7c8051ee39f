using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Series.Regulars;

/// <summary>
/// /help/{requestId}/regular: the helper of an occurrence offers to take the series on, all of it or some of its
/// weekdays. Someone who is not its helper gets the site's 404, as for a request that does not exist.
/// </summary>
[Authorize]
public sealed class OfferModel(RegularQueries queries, RegularArrangements arrangements, IStringLocalizer<SharedResource> text) : PageModel
{
    public RegularChoice Choice { get; private set; } = default!;

    [BindProperty] public OfferForm Input { get; set; } = new();
    [TempData] public string? Notice { get; set; }

    public sealed class OfferForm
    {
        public List<DayOfWeek> Days { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken ct)
    {
        if (!await LoadAsync(requestId, ct)) return NotFound();
        Input.Days = Choice.FreeDays.ToList();
        return Page();
    }

    [EnableRateLimiting(RegularApi.WriteLimit)]
    public async Task<IActionResult> OnPostAsync(Guid requestId, CancellationToken ct)
    {
        if (!await LoadAsync(requestId, ct)) return NotFound();
        if (Choice.SeriesDays.Count > 0 && Choice.Frequency != SeriesFrequency.Monthly && Input.Days.Count == 0)
        {
            ModelState.AddModelError("Input.Days", text["Regular.DaysRequired"]);
            return Page();
        }
        var offered = await arrangements.OfferAsync(User.RequiredUserId(), requestId, new RegularOfferInput([.. Input.Days]), ct);
        if (offered.Refusal?.Status == StatusCodes.Status404NotFound) return NotFound();
        if (offered.Failed(ModelState)) return await LoadAsync(requestId, ct) ? Page() : NotFound();
        Notice = text["Regular.Offered.Notice"];
        return Redirect($"/help/{requestId}");
    }

    private async Task<bool> LoadAsync(Guid requestId, CancellationToken ct)
    {
        if (await queries.ChoiceAsync(User.RequiredUserId(), requestId, ct) is not { } choice) return false;
        Choice = choice;
        return true;
    }
}
