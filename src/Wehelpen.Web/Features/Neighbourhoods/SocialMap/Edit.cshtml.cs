using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Areas;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>
/// An admin changes or deletes an organisation. The form carries the version it started from; when another admin saved
/// in the meantime nothing is overwritten: their version is shown, what this admin typed stays in the form, and saving
/// again then knowingly goes on top of theirs.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class EditModel(SocialMapQueries queries, OrganisationEditing editing, IStringLocalizer<SharedResource> text) : PageModel, IOrganisationForm
{
    [BindProperty] public OrganisationForm Input { get; set; } = new();

    /// <summary>The organisation as another admin saved it, when this save was refused because of it.</summary>
    public OrganisationResponse? Theirs { get; private set; }

    public string Name { get; private set; } = "";

    [TempData] public string? SocialMapNotice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } organisation) return NotFound();
        Input = OrganisationForm.From(organisation);
        Name = organisation.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var saved = await editing.UpdateAsync(User.RequiredUserId(), id, Input.ToInput(), ct);
        if (saved.Refusal?.Status == StatusCodes.Status404NotFound) return NotFound();
        if (saved.Failed(ModelState))
        {
            var current = await queries.FindAsync(id, ct);
            if (current is null) return NotFound();
            Name = current.Name;
            if (saved.Refusal?.Status == StatusCodes.Status409Conflict)
            {
                Theirs = current;
                // The next save is made knowing theirs.
                ModelState.Remove("Input.Version");
                Input.Version = current.Version;
            }
            return Page();
        }
        SocialMapNotice = text["SocialMap.Saved", saved.Value!.Name];
        return Redirect($"/social-map/{saved.Value.Stadsdeel}#org-{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var organisation = await queries.FindAsync(id, ct);
        if (organisation is null || (await editing.DeleteAsync(User.RequiredUserId(), id, ct)).Value is null) return NotFound();
        SocialMapNotice = text["SocialMap.Deleted", organisation.Name];
        return Redirect($"/social-map/{organisation.Stadsdeel}");
    }
}
