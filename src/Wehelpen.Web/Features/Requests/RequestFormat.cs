using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests;

/// <summary>How requests read on pages: the time in Amsterdam words (the distance: <see cref="Locations.Distances"/>).</summary>
public static class RequestFormat
{
    /// <summary>"dinsdag 24 november, 10:00–12:00", or "flexibel, uiterlijk vrijdag 27 november".</summary>
    public static string When(IStringLocalizer text, DateTimeOffset? startsAt, DateTimeOffset endsAt)
    {
        if (startsAt is { } start)
        {
            var from = start.ToAmsterdam();
            return text["Request.When.Window", from.ToString("dddd d MMMM"), from.ToString("HH:mm"), endsAt.ToAmsterdam().ToString("HH:mm")];
        }
        // A flexible request ends at the start of the day after its last day.
        var lastDay = endsAt.ToAmsterdam().AddDays(-1);
        return text["Request.When.Flexible", lastDay.ToString("dddd d MMMM")];
    }

}
