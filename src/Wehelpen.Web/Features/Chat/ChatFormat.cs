using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Chat;

public static class ChatFormat
{
    /// <summary>"14:03" today, "gisteren 09:12", else "ma 3 nov 09:12": Amsterdam time, short enough for a phone.</summary>
    public static string When(IStringLocalizer text, DateTimeOffset sentAt, DateTimeOffset now)
    {
        var local = sentAt.ToAmsterdam();
        var days = DateOnly.FromDateTime(now.ToAmsterdam().DateTime).DayNumber - DateOnly.FromDateTime(local.DateTime).DayNumber;
        var time = local.ToString("HH:mm");
        return days switch
        {
            0 => time,
            1 => text["Chat.Yesterday", time],
            _ => local.ToString("ddd d MMM HH:mm"),
        };
    }
}
