using System.Globalization;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Requests.Matching;

/// <summary>How matching's reasons read: in plain words for the volunteer, as named day parts for apps.</summary>
public static class MatchingFormat
{
    /// <summary>More day parts than this are summed up as "and N more", so that a flexible request reads in one line.</summary>
    private const int SlotsNamed = 3;

    /// <summary>A week mask (see Wehelpen.Matching.WeekSlots) as days and parts, Monday morning first.</summary>
    public static IReadOnlyList<AvailabilitySlot> Slots(int mask) =>
        new WeeklyAvailability(mask).Slots().Select(s => new AvailabilitySlot(s.Day, s.Part)).ToList();

    /// <summary>"1,2 km van uw huis · u helpt met boodschappen · u kunt dinsdagmiddag".</summary>
    public static string Reasons(IStringLocalizer text, AskReasons reasons)
    {
        var parts = new List<string> { text["Matching.Reason.Distance", Distances.Text(reasons.DistanceMetres)] };
        if (reasons.Widened) parts.Add(text["Matching.Reason.Widened"]);
        parts.Add(text["Matching.Reason.Category", Lower(text[$"Category.{reasons.Category}"])]);
        if (reasons.AnyTime) parts.Add(text["Matching.Reason.AnyTime"]);
        else if (reasons.AvailableSlots.Count > 0) parts.Add(text["Matching.Reason.Slots", SlotList(text, reasons.AvailableSlots)]);
        return string.Join(" · ", parts);
    }

    /// <summary>For the circle: "Gevraagd aan 8 vrijwilligers in de buurt (ronde 2 van 3)."</summary>
    public static string Asked(IStringLocalizer text, WaveSummary waves) =>
        waves.Asked == 0
            ? text["Matching.AskedNobody", waves.Waves, waves.TotalWaves]
            : text["Matching.Asked", Volunteers(text, waves.Asked), waves.Waves, waves.TotalWaves];

    /// <summary>One wave in the request's history: "In de buurt aan 8 vrijwilligers gevraagd (ronde 2)."</summary>
    public static string Wave(IStringLocalizer text, WaveSummary waves, int wave)
    {
        var asked = wave <= waves.Waves ? waves.AskedPerWave[wave - 1] : 0;
        if (asked == 0) return text["Matching.History.Nobody", wave];
        return text[waves.Widened(wave) ? "Matching.History.Widened" : "Matching.History.Asked", Volunteers(text, asked), wave];
    }

    private static string Volunteers(IStringLocalizer text, int count) =>
        count == 1 ? text["Matching.Volunteers.One"] : text["Matching.Volunteers.Many", count];

    private static string SlotList(IStringLocalizer text, IReadOnlyList<AvailabilitySlot> slots)
    {
        var culture = CultureInfo.CurrentCulture;
        var named = string.Join(", ", slots.Take(SlotsNamed).Select(s =>
            text["Matching.Slot", culture.DateTimeFormat.GetDayName(s.Day), Lower(text[$"DayPart.{s.Part}"])].Value));
        return slots.Count <= SlotsNamed ? named : text["Matching.Reason.SlotsMore", named, slots.Count - SlotsNamed];
    }

    private static string Lower(LocalizedString label) => label.Value.ToLower(CultureInfo.CurrentCulture);
}
