using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Areas;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>/social-map/organisations/new: an admin adds an organisation to a stadsdeel.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class NewModel(OrganisationEditing editing, IStringLocalizer<SharedResource> text) : PageModel, IOrganisationForm
{
    [BindProperty] public OrganisationForm Input { get; set; } = new();
    [TempData] public string? SocialMapNotice { get; set; }

    public void OnGet(string? stadsdeel) =>
        Input = new OrganisationForm { Stadsdeel = SocialMapQueries.FindStadsdeel(stadsdeel)?.Code, Kind = OrganisationKind.Other };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await editing.CreateAsync(User.RequiredUserId(), Input.ToInput(), ct);
        if (saved.Failed(ModelState)) return Page();
        SocialMapNotice = text["SocialMap.Added", saved.Value!.Name];
        return Redirect($"/social-map/{saved.Value.Stadsdeel}#org-{saved.Value.Id}");
    }
}
