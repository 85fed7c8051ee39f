using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>
/// /help/requests/{id}/contact-circle: a professional of the request's gebied writes to the circle's hoofdpersoon and
/// coördinators. Anyone else gets the page for a request that does not exist.
/// </summary>
[Authorize(Roles = Roles.Professional)]
public sealed class ContactCircleModel(ContactCircle contact) : PageModel
{
    public HelpRequest HelpRequest { get; private set; } = default!;
    [BindProperty] public ContactForm Input { get; set; } = new();
    [TempData] public bool Sent { get; set; }

    public sealed class ContactForm
    {
        public string? Message { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken ct)
    {
        if (await contact.FindAsync(User.RequiredUserId(), requestId, ct) is not { } request) return NotFound();
        HelpRequest = request;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid requestId, CancellationToken ct)
    {
        var outcome = await contact.SendAsync(User.RequiredUserId(), requestId, new ContactCircleInput(Input.Message), ct);
        if (outcome.Refusal?.Status == StatusCodes.Status404NotFound) return NotFound();
        if (outcome.Failed(ModelState)) return await OnGetAsync(requestId, ct);
        Sent = true;
        return RedirectToPage();
    }
}
