namespace Wehelpen.Web.Features.Reminders;

/// <summary>Bound from "Reminders" (environment: Reminders__HorizonHours, ...).</summary>
public sealed class ReminderOptions
{
    /// <summary>How far ahead reminders are planned; the planning job runs more often than this.</summary>
    public int HorizonHours { get; set; } = 48;

    /// <summary>How many due reminders one transaction sends.</summary>
    public int BatchSize { get; set; } = 500;

    public TimeSpan Horizon => TimeSpan.FromHours(Math.Max(2, HorizonHours));
}
