using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Requests.Matching;

/// <summary>
/// The live <c>alert</c> to a volunteer: the request, why them, and the card's words already in their language, so
/// that the page draws the card from the event alone (no second request, nothing worked out twice).
/// </summary>
public sealed record LiveAlert(RequestSummary Request, AskReasons Reasons, AlertCardText Card)
{
    public static LiveAlert For(AskedRequest asked, IStringLocalizer text)
    {
        var r = asked.Request;
        return new LiveAlert(r, asked.Reasons, new AlertCardText(
            text["Live.Alert.Label"],
            $"{text[$"Category.{r.Category}"]} · {RequestFormat.When(text, r.StartsAt, r.EndsAt)}",
            $"{text["Help.For", r.ResidentFirstName]} · {r.Pc4} {r.Place}",
            MatchingFormat.Reasons(text, asked.Reasons),
            text["Help.Claim.Button"]));
    }
}

/// <param name="Label">"Er wordt om uw hulp gevraagd".</param>
/// <param name="What">The kind of help and when ("Boodschappen · do 26 nov, 10:00-12:00").</param>
/// <param name="ForWhom">For whom, and the PC4 area only: never an address.</param>
/// <param name="Because">Why this volunteer was asked (distance, their day parts, a widened wave).</param>
/// <param name="Claim">The button's word ("Ik help").</param>
public sealed record AlertCardText(string Label, string What, string ForWhom, string Because, string Claim);
