using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Thanks;

/// <summary>
/// /circles/{circleId}/thanks: whether the volunteers who helped may name the resident in their yearly overview. Every
/// member reads the choice; the hoofdpersoon and coördinators change it.
/// </summary>
public sealed class CircleSettingsModel(CircleThanksSettingsEditing editing, IStringLocalizer<SharedResource> text) : CircleRequestPageModel
{
    public CircleThanksSettingsResponse Settings { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken ct) => Settings = await editing.GetAsync(Membership, ct);

    [EnableRateLimiting(ThanksExtensions.SettingsLimit)]
    public async Task<IActionResult> OnPostAsync(bool nameInOverview, CancellationToken ct)
    {
        if (!Membership.CanManage) return Forbid();
        await editing.SetAsync(Membership, new CircleThanksSettingsInput(nameInOverview), ct);
        Notice = text[nameInOverview ? "ThanksSettings.SavedNamed" : "ThanksSettings.SavedAnonymous"];
        return Redirect(ThanksPaths.Circle(Membership.CircleId));
    }
}
