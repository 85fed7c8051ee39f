using System.Globalization;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Series.Regulars;

/// <summary>How an arrangement reads: "elke dinsdag en donderdag", "alle keren", in the reader's language.</summary>
public static class RegularFormat
{
    /// <summary>Which occurrences are theirs: "elke dinsdag" or "alle keren".</summary>
    public static string Takes(IStringLocalizer text, RegularResponse r) =>
        r.Days.Count == 0 ? text["Regular.Takes.All"] : text["Regular.Takes.Days", SeriesWords.DayList(text, r.Days)];

    /// <summary>What the arrangement is now, with its moment: "Aangeboden op 3 maart", "Beëindigd door de cirkel op …".</summary>
    public static string State(IStringLocalizer text, RegularResponse r)
    {
        string On(DateTimeOffset? at) => at?.ToAmsterdam().ToString("d MMMM yyyy", CultureInfo.CurrentUICulture) ?? "";
        return r.Status switch
        {
            RegularStatus.Offered => text["Regular.State.Offered", On(r.OfferedAt)],
            RegularStatus.Accepted => text["Regular.State.Accepted", On(r.AnsweredAt)],
            RegularStatus.Declined => text["Regular.State.Declined", On(r.AnsweredAt)],
            _ => text[$"Regular.State.Ended.{r.EndedBy ?? RegularSide.Circle}", On(r.EndedAt)],
        };
    }
}
