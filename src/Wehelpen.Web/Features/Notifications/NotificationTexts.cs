using System.Globalization;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Localization;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Notifications;

public sealed record NotificationText(string Title, string Body);

/// <summary>What a notification says, in the current UI culture: the centre, the live bell and the mail all use this.</summary>
public sealed class NotificationTexts(IStringLocalizer<SharedResource> text)
{
    public NotificationText Render(NotificationKind kind, string json)
    {
        var d = NotificationData.FromJson(json);
        var when = d.At is { } at ? When(at) : "";
        var title = d.Title ?? "";
        // A person who erased their account is no longer named (Platform/PersonalData).
        d = d with { Person = string.IsNullOrEmpty(d.Person) ? text[FormerMember.NameKey].Value : d.Person };
        return kind switch
        {
            NotificationKind.AppointmentReminder => new(
                text["Notification.Appointment.Title", title, when],
                d.Place is { Length: > 0 } place ? text["Notification.Appointment.BodyPlace", d.Circle ?? "", place] : text["Notification.Appointment.Body", d.Circle ?? ""]),
            NotificationKind.TaskReminder => new(text["Notification.Task.Title", title, when], text["Notification.Task.Body", d.Circle ?? ""]),
            NotificationKind.TaskConfirm => new(text["Notification.TaskConfirm.Title", title, when], text["Notification.TaskConfirm.Body"]),
            NotificationKind.TaskUnconfirmed => new(text["Notification.TaskUnconfirmed.Title", d.Person ?? "", title], text["Notification.TaskUnconfirmed.Body", when]),
            NotificationKind.Digest when d.Count == 1 => new(text["Notification.Digest.TitleOne"], text["Notification.Digest.BodyOne"]),
            NotificationKind.HelpAsked => new(text["Notification.HelpAsked.Title", title, when], d.DistanceMetres is { } metres
                ? text["Notification.HelpAsked.BodyDistance", d.Place ?? "", Distances.Text(metres)]
                : text["Notification.HelpAsked.Body", d.Place ?? ""]),
            NotificationKind.CaseHolderInvited => new(text["Notification.CaseHolderInvited.Title", d.Circle ?? ""], text["Notification.CaseHolderInvited.Body", d.Person ?? "", d.Message ?? ""]),
            NotificationKind.CaseHolderAccepted => new(text["Notification.CaseHolderAccepted.Title", d.Person ?? ""], text["Notification.CaseHolderAccepted.Body", d.Circle ?? ""]),
            NotificationKind.CaseHolderDeclined => new(text["Notification.CaseHolderDeclined.Title", d.Person ?? ""], text["Notification.CaseHolderDeclined.Body", d.Circle ?? ""]),
            NotificationKind.CaseHolderEnded => new(text["Notification.CaseHolderEnded.Title", d.Circle ?? ""], text["Notification.CaseHolderEnded.Body", d.Person ?? ""]),
            NotificationKind.BuurtteamContact => new(text["Notification.BuurtteamContact.Title", d.Person ?? "", title], d.Message ?? ""),
            NotificationKind.Referred => new(text["Notification.Referred.Title", title, d.Organisation ?? ""], text["Notification.Referred.Body", d.Circle ?? ""]),
            NotificationKind.HelperLeft => new(text["Notification.HelperLeft.Title", title], text["Notification.HelperLeft.Body", d.Circle ?? ""]),
            NotificationKind.RegularOffered or NotificationKind.RegularAccepted or NotificationKind.RegularDeclined or NotificationKind.RegularEnded =>
                new(text[$"Notification.{kind}.Title", title, d.Person ?? ""], text[$"Notification.{kind}.Body", title, d.Person ?? ""]),
            NotificationKind.Thanked => new(text["Notification.Thanked.Title", title], text["Notification.Thanked.Body", d.Person ?? ""]),
            NotificationKind.Digest => new(text["Notification.Digest.Title", d.Count ?? 0], text["Notification.Digest.Body"]),
            _ => new(kind.ToString(), ""),
        };
    }

    /// <summary>"dinsdag 3 maart 14:30", Amsterdam time, in the reader's language.</summary>
    public static string When(DateTimeOffset at)
    {
        var local = at.ToAmsterdam();
        return local.ToString("dddd d MMMM HH:mm", CultureInfo.CurrentUICulture);
    }
}
