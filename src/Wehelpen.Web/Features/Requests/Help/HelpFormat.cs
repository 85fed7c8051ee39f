using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Requests.Help;

/// <summary>How the volunteer pages say what the core's data means.</summary>
public static class HelpFormat
{
    /// <summary>"Wacht sinds 3 uur op het buurtteam": rounded down, so that nobody is told it waited longer than it did.</summary>
    public static string Waiting(IStringLocalizer text, DateTimeOffset since, DateTimeOffset now)
    {
        var waited = now - since;
        if (waited < TimeSpan.FromHours(1)) return text["Help.Waiting.LessThanHour"];
        if (waited < TimeSpan.FromHours(48)) return text["Help.Waiting.Hours", (int)waited.TotalHours];
        return text["Help.Waiting.Days", (int)waited.TotalDays];
    }

    /// <summary>The categories as words: "Boodschappen, Klusjes".</summary>
    public static string Categories(IStringLocalizer text, IEnumerable<string> categories) =>
        string.Join(", ", categories.Select(c => text[$"Category.{char.ToUpperInvariant(c[0])}{c[1..]}"].Value));
}
