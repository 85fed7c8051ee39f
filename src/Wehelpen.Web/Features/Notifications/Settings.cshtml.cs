using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>
/// /notifications/settings: when to be reminded, and whether by mail. Opens for the signed-in person, or without
/// logging in from the link at the foot of every notification mail (<c>?token=</c>, see
/// <see cref="NotificationSettingsLink"/>): then it shows and changes that person's settings and nothing else. A token
/// that is damaged or expired opens nothing, whoever is signed in.
/// </summary>
[AllowAnonymous]
[SecretInUrl]
public sealed class SettingsModel(NotificationCentre centre, NotificationSettingsLink links, WehelpenDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromQuery(Name = "token")] public string? Token { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public bool Saved { get; set; }

    /// <summary>The token did not open anything: the page says so and offers the login.</summary>
    public bool InvalidToken { get; private set; }

    /// <summary>Whose settings these are, when they came from a mail's link.</summary>
    public string? TokenPerson { get; private set; }

    public static IReadOnlyList<int> Choices => NotificationSettings.OffsetChoices;

    public sealed class InputModel
    {
        public List<int> AppointmentOffsets { get; set; } = [];
        public string? AppointmentScope { get; set; }
        public bool TaskReminders { get; set; }
        public bool Email { get; set; }
        public string? Digest { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PersonAsync(ct) is not { } userId) return InvalidToken ? Page() : Challenge();
        var settings = await centre.SettingsAsync(userId, ct);
        Input = new InputModel
        {
            AppointmentOffsets = [.. settings.AppointmentOffsets],
            AppointmentScope = settings.AppointmentScope.ToString(),
            TaskReminders = settings.TaskReminders,
            Email = settings.Email,
            Digest = settings.Digest.ToString(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await PersonAsync(ct) is not { } userId) return InvalidToken ? Page() : Challenge();
        // A form sends only the ticked boxes: nothing ticked is "no appointment reminders", not "as it was".
        var saved = await centre.SaveSettingsAsync(userId, new NotificationSettingsInput(
            Input.AppointmentOffsets, Input.AppointmentScope ?? "", Input.TaskReminders, Input.Email, Input.Digest ?? ""), ct);
        if (saved.Failed(ModelState)) return Page();
        Saved = true;
        return Redirect(Token is null ? "/notifications/settings" : $"/notifications/settings?token={Uri.EscapeDataString(Token)}");
    }

    public string OffsetLabel(int minutes) => minutes switch
    {
        _ when minutes % (7 * 24 * 60) == 0 => text["Notifications.Offset.Weeks", minutes / (7 * 24 * 60)],
        _ when minutes % (24 * 60) == 0 => text["Notifications.Offset.Days", minutes / (24 * 60)],
        60 => text["Notifications.Offset.Hour"],
        _ when minutes % 60 == 0 => text["Notifications.Offset.Hours", minutes / 60],
        _ => text["Notifications.Offset.Minutes", minutes],
    };

    public string ScopeLabel(AppointmentScope scope) => scope switch
    {
        AppointmentScope.AllCircles => text["Notifications.Settings.Scope.AllCircles"],
        _ => text["Notifications.Settings.Scope.Involved"],
    };

    public string DigestLabel(DigestFrequency digest) => digest switch
    {
        DigestFrequency.Daily => text["Notifications.Settings.Digest.Daily"],
        DigestFrequency.Weekly => text["Notifications.Settings.Digest.Weekly"],
        _ => text["Notifications.Settings.Digest.None"],
    };

    /// <summary>Whose settings: the token's person when there is a token, otherwise whoever is signed in.</summary>
    private async Task<string?> PersonAsync(CancellationToken ct)
    {
        if (Token is null) return User.Identity?.IsAuthenticated == true ? User.RequiredUserId() : null;
        // The link carries a secret: it must not travel on to another site in a Referer.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (links.UserOf(Token) is { } userId
            && await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) is { } name)
        {
            TokenPerson = name;
            return userId;
        }
        InvalidToken = true;
        return null;
    }
}
