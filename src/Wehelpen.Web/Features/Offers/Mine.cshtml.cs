using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Offers;

/// <summary>A volunteer's own offers: publish one, see them, withdraw them.</summary>
[Authorize]
public sealed class MineModel(VolunteerOffers offers) : PageModel
{
    public IReadOnlyList<OfferResponse> Offers { get; private set; } = [];
    public PublisherProblem Problem { get; private set; }
    [TempData] public string? Notice { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public HelpCategories? Category { get; set; }
        public string? Text { get; set; }
        /// <summary>"Tuesday:Morning" per ticked box.</summary>
        public List<string> Availability { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A category that is not one of ours is reported by the use case, in its words.
        ModelState.Remove("Input.Category");
        var input = new OfferInput(Input.Category, Input.Text, [.. AvailabilityGrid.Parse(Input.Availability)]);
        if ((await offers.PublishAsync(User.RequiredUserId(), input, ct)).Failed(ModelState))
        {
            await LoadAsync(ct);
            return Page();
        }
        Notice = "Offers.Published";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid offerId, CancellationToken ct)
    {
        if ((await offers.WithdrawAsync(User.RequiredUserId(), offerId, ct)).Failed(ModelState))
        {
            await LoadAsync(ct);
            return Page();
        }
        Notice = "Offers.Withdrawn";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Problem = await offers.PublisherProblemAsync(User.RequiredUserId(), ct);
        Offers = await offers.MineAsync(User.RequiredUserId(), ct);
    }
}
