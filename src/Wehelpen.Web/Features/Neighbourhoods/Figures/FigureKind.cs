using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>One of the figures, how to pick it from a set and how to write its value: the same on map, chart and table.</summary>
public sealed record FigureKind(string Key, string TextKey, Func<FigureSet, FigureValue> Pick, string Unit)
{
    public static readonly FigureKind Asked = new("asked", "Figures.Asked", f => f.Asked, "count");
    public static readonly FigureKind Claimed = new("claimed", "Figures.Claimed", f => f.Claimed, "count");
    public static readonly FigureKind Within24 = new("within24", "Figures.Within24", f => f.ClaimedWithin24Hours, "share");
    public static readonly FigureKind Median = new("median", "Figures.MedianHours", f => f.MedianHoursToClaim, "hours");
    public static readonly FigureKind Confirmed = new("confirmed", "Figures.Confirmed", f => f.ConfirmedHelp, "count");
    public static readonly FigureKind Volunteers = new("volunteers", "Figures.Volunteers", f => f.ActiveVolunteers, "count");
    public static readonly FigureKind PerVolunteer = new("per-volunteer", "Figures.PerVolunteer", f => f.RequestsPerVolunteer, "ratio");

    public static readonly IReadOnlyList<FigureKind> All = [Asked, Claimed, Within24, Median, Confirmed, Volunteers, PerVolunteer];

    public static FigureKind Find(string? key) => All.FirstOrDefault(k => k.Key == key) ?? PerVolunteer;

    public bool IsCount => Unit == "count";

    /// <summary>The value as read on a page, in the page's language: "12", "43%", "5,5 u", "2,35".</summary>
    public string Format(double value) => Unit switch
    {
        "share" => (value * 100).ToString("0", CultureInfo.CurrentCulture) + "%",
        "hours" => value.ToString("0.#", CultureInfo.CurrentCulture) + " u",
        "ratio" => value.ToString("0.00", CultureInfo.CurrentCulture),
        _ => value.ToString("0", CultureInfo.CurrentCulture),
    };

    /// <summary>Short text for a value or why it is missing: "&lt; 5", "×" (hidden), "–" (nothing to work out).</summary>
    public string Text(FigureValue value, int minimum) => value switch
    {
        { Suppressed: FigureValue.Small } => $"< {minimum}",
        { Suppressed: not null } => "×",
        { Value: { } v } => Format(v),
        _ => "–",
    };

    /// <summary>For a table cell: the short text, with what "×" and "–" mean for a screen reader.</summary>
    public IHtmlContent Cell(FigureValue value, int minimum, IStringLocalizer text)
    {
        var shown = System.Net.WebUtility.HtmlEncode(Text(value, minimum));
        var why = value switch
        {
            { Suppressed: FigureValue.Small } => null,
            { Suppressed: not null } => text["Figures.HiddenExplained"].Value,
            { Value: null } => text["Figures.NoneExplained"].Value,
            _ => null,
        };
        return why is null ? new HtmlString(shown)
            : new HtmlString($"<span aria-hidden=\"true\" title=\"{System.Net.WebUtility.HtmlEncode(why)}\">{shown}</span><span class=\"visually-hidden\">{System.Net.WebUtility.HtmlEncode(why)}</span>");
    }
}
