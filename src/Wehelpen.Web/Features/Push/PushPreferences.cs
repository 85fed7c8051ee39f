using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Push;

/// <summary>Quiet hours and the chat preview, for all of a person's devices.</summary>
public sealed class PushPreferences(WehelpenDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
{
    public async Task<PushSettings> GetAsync(string userId, CancellationToken ct) =>
        await db.Set<PushSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct) ?? new PushSettings { UserId = userId };

    public static PushSettingsResponse ToResponse(PushSettings s) => s.Quiet.IsNone
        ? new(null, null, s.ChatPreview)
        : new(s.Quiet.From.ToString("HH:mm", CultureInfo.InvariantCulture), s.Quiet.Until.ToString("HH:mm", CultureInfo.InvariantCulture), s.ChatPreview);

    /// <summary>Both times empty: no quiet hours. One without the other, or the same twice, is a mistake to point out.</summary>
    public async Task<Outcome<PushSettings>> SaveAsync(string userId, PushSettingsInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var from = Time(input.QuietFrom, "quietFrom", errors);
        var until = Time(input.QuietUntil, "quietUntil", errors);
        if (!errors.Any && (from is null) != (until is null)) errors.Add(from is null ? "quietFrom" : "quietUntil", text["Push.QuietBoth"]);
        if (!errors.Any && from is not null && from == until) errors.Add("quietUntil", text["Push.QuietSame"]);
        if (errors.Any) return errors;

        var settings = await db.Set<PushSettings>().SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (settings is null) db.Add(settings = new PushSettings { UserId = userId });
        settings.QuietFromMinute = from is { } f ? PushSettings.Minute(f) : null;
        settings.QuietUntilMinute = until is { } u ? PushSettings.Minute(u) : null;
        settings.ChatPreview = input.ChatPreview ?? false;
        settings.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return settings;
    }

    private TimeOnly? Time(string? typed, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (TimeOnly.TryParseExact(typed.Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        errors.Add(field, text["Push.QuietTime"]);
        return null;
    }
}
