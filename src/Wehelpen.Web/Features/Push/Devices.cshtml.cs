using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// /profile/push, "Meldingen op uw apparaten": turn pushes on for this device (push.js, with the browser's consent),
/// see the devices that have them and turn any of them off, and set quiet hours and the chat preview.
/// </summary>
[Authorize]
public sealed class DevicesModel(PushDevices devices, PushPreferences preferences, IOptions<PushOptions> options) : PageModel
{
    [BindProperty] public SettingsForm Input { get; set; } = new();
    public IReadOnlyList<PushSubscription> Devices { get; private set; } = [];
    public bool Enabled => options.Value.Enabled;
    public string? PublicKey => options.Value.PublicKey;
    [TempData] public string? Notice { get; set; }

    public sealed class SettingsForm
    {
        public string? QuietFrom { get; set; }
        public string? QuietUntil { get; set; }
        public bool ChatPreview { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = PushPreferences.ToResponse(await preferences.GetAsync(User.RequiredUserId(), ct));
        Input = new SettingsForm { QuietFrom = settings.QuietFrom, QuietUntil = settings.QuietUntil, ChatPreview = settings.ChatPreview };
        await LoadAsync(ct);
    }

    public string Describe(PushSubscription device) => devices.Describe(device);

    [EnableRateLimiting(PushExtensions.Changes)]
    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        var outcome = await preferences.SaveAsync(User.RequiredUserId(), new PushSettingsInput(Input.QuietFrom, Input.QuietUntil, Input.ChatPreview), ct);
        if (outcome.Failed(ModelState))
        {
            await LoadAsync(ct);
            return Page();
        }
        Notice = "Push.Page.Saved";
        return RedirectToPage();
    }

    [EnableRateLimiting(PushExtensions.Changes)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid deviceId, CancellationToken ct)
    {
        // Someone else's device, or one already gone, looks the same: not in your list.
        if (!await devices.RemoveAsync(User.RequiredUserId(), deviceId, ct)) return NotFound();
        Notice = "Push.Page.Removed";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) => Devices = await devices.MineAsync(User.RequiredUserId(), ct);
}
