using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Circles;

[Authorize]
public sealed class CreateModel(CircleManagement circles) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        /// <summary>"self" or "other".</summary>
        public string ForWhom { get; set; } = "self";
        public string? ResidentName { get; set; }
        public string? Name { get; set; }
    }

    public void OnGet()
    {
        if (User.IsInRole(Roles.Carer) && !User.IsInRole(Roles.Resident)) Input.ForWhom = "other";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await circles.CreateAsync(User.RequiredUserId(),
            new CreateCircleRequest(Input.ForWhom != "other", Input.ResidentName, Input.Name), ct);
        if (outcome.Failed(ModelState)) return Page();
        var created = outcome.Value!;
        TempData["CircleCreated"] = true;
        return Redirect(created.TakeoverInvitation is null ? $"/circles/{created.Circle.Id}" : $"/circles/{created.Circle.Id}/members#invitations");
    }
}
