namespace Wehelpen.Web.Features.Reminders;

public sealed record PlannedReminder(string Key, ReminderKind Kind, string UserId, Guid SubjectId, DateTimeOffset EventAt, DateTimeOffset DueAt);

/// <summary>
/// The rules every <see cref="IReminderSource"/> follows. Which reminders there should be is worked out from the
/// appointment or task as it is now. The same rules plan reminders ahead and check, just before sending, that a
/// reminder is still wanted: so an appointment that moved, a task given back or a setting turned off simply no longer
/// produces the old key, and that reminder is dropped. A reminder that would have been due before the thing was
/// planned (or the person joined, or changed their settings) is not made: someone who plans an appointment for
/// tomorrow at noon needs no "tomorrow" reminder now.
/// </summary>
public static class ReminderPlan
{
    /// <summary>The latest of the moments something became known: no reminder is due before it.</summary>
    public static DateTimeOffset Latest(params DateTimeOffset[] moments) => moments.Max();
}
