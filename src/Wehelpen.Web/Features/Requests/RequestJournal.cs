using System.Globalization;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Logbook;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// Records a change of a request twice, in the same save as the change itself: as a request event (who, when,
/// why) and as an entry in the circle's logbook, so the circle reads what happened where it reads everything else.
/// </summary>
public sealed class RequestJournal(WehelpenDbContext db, IStringLocalizer<SharedResource> text)
{
    /// <summary>The logbook is the circle's shared record: its automatic entries are written in the product's language.</summary>
    private static readonly CultureInfo LogbookCulture = CultureInfo.GetCultureInfo("nl");

    /// <param name="actor">Null when Wehelpen did it by itself (expiry, widening, escalation).</param>
    /// <param name="subject">What the change was about, named in the logbook line as {3}: the organisation of a referral.</param>
    public void Record(HelpRequest request, RequestChange change, RequestViewer? actor, string? reason, DateTimeOffset now, string? subject = null)
    {
        var actorName = actor?.Name ?? "";
        request.Events.Add(new RequestEvent
        {
            RequestId = request.Id,
            Change = change,
            ActorId = actor?.UserId,
            ActorName = actorName,
            Audience = change == RequestChange.Widened ? request.Audience : null,
            Reason = reason,
            At = now,
        });
        db.Add(new LogbookEntry
        {
            CircleId = request.CircleId,
            // Automatic entries are attributed to whoever acted, or else to whoever asked; they are marked as automatic.
            AuthorId = actor?.UserId ?? request.RequestedById,
            RequestId = request.Id,
            OccurredOn = DateOnly.FromDateTime(now.ToAmsterdam().DateTime),
            Text = LogbookText(request, change, actorName, reason, actor is null, subject),
            CreatedAt = now,
        });
    }

    private string LogbookText(HelpRequest request, RequestChange change, string actorName, string? reason, bool automatic, string? subject)
    {
        var ui = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = LogbookCulture;
        try
        {
            var key = change == RequestChange.Widened && automatic ? "Request.Logbook.WidenedAutomatically" : $"Request.Logbook.{change}";
            // A request for one person names them: "Ahmed vroeg Sanne om hulp".
            var audience = request.Audience == RequestAudience.Person && request.AddressedTo is { } person
                ? person.DisplayName
                : text[$"RequestAudience.{request.Audience}"].Value;
            // Someone who erased their account is named as the circle knows them now.
            var actor = actorName.Length == 0 && !automatic ? text[FormerMember.NameKey].Value : actorName;
            var line = text[key, actor, request.Title, audience, subject ?? ""].Value;
            return string.IsNullOrWhiteSpace(reason) ? line : $"{line} {text["Request.Logbook.Reason", reason]}";
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }
    }
}
