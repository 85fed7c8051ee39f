namespace Wehelpen.Web.Features.Notifications;

/// <summary>
/// What must follow a person's saved notification settings (the reminders planned for them), called by
/// <see cref="NotificationCentre"/> after its save. Defined here so that Notifications depends on none of its followers.
/// </summary>
public interface ISettingsSaved
{
    Task SettingsSavedAsync(string userId, CancellationToken ct);
}
