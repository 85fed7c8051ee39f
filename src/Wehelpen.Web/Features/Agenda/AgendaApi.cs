using System.Security.Claims;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>/api/v1/circles/{circleId}/agenda for the circle's members, /api/v1/calendar-feed, and the feed itself.</summary>
internal static class AgendaApi
{
    private const string TimeRules =
        "Dates and times are Amsterdam wall-clock time. A start or end skipped when summer time starts (e.g. 2026-03-29 02:30) " +
        "is refused; one that happens twice when it ends (e.g. 2026-10-25 02:30) is the first of the two, still summer time " +
        "(+02:00), as in RFC 5545. An appointment at the same time as another of the circle is refused with 409 naming it, " +
        "unless allowOverlap is true. Changing a weekly item changes the whole series.";

    public static void MapAgendaApi(this WebApplication app)
    {
        var agenda = app.MapCircleApiGroup("Agenda").MapGroup("/agenda");
        agenda.MapGet("/", async (string? from, string? to, CircleMembership me, AgendaPlanner planner, CancellationToken ct) =>
                (await planner.ListAsync(me, from, to, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Occurrences from one date to another (yyyy-MM-dd, inclusive; default: today and the next 27 days, at most 366 days).");
        agenda.MapPost("/", async (AppointmentRequest request, CircleMembership me, AgendaPlanner planner, CancellationToken ct) =>
                (await planner.CreateAsync(me, request, ct)).ToApi(a => TypedResults.Created($"/api/v1/circles/{me.CircleId}/agenda/{a.Id}", a)))
            .WithSummary("Plan an appointment, once or weekly.").WithDescription(TimeRules);
        agenda.MapGet("/{appointmentId:guid}", async (Guid appointmentId, CircleMembership me, AgendaPlanner planner, CancellationToken ct) =>
            (await planner.GetAsync(me, appointmentId, ct)).ToApi(TypedResults.Ok));
        agenda.MapPut("/{appointmentId:guid}", async (Guid appointmentId, AppointmentRequest request, CircleMembership me, AgendaPlanner planner, CancellationToken ct) =>
                (await planner.UpdateAsync(me, appointmentId, request, ct)).ToApi(TypedResults.Ok))
            .WithSummary("Change an appointment (for a weekly item: the whole series).").WithDescription(TimeRules);
        agenda.MapDelete("/{appointmentId:guid}", async (Guid appointmentId, CircleMembership me, AgendaPlanner planner, CancellationToken ct) =>
            (await planner.DeleteAsync(me, appointmentId, ct)).ToApi(_ => TypedResults.NoContent()));

        var goingAlong = agenda.MapGroup("/{appointmentId:guid}/occurrences/{date}/going-along");
        goingAlong.MapPut("/", async (Guid appointmentId, string date, CircleMembership me, AgendaPlanner planner, CancellationToken ct) =>
                (await planner.GoAlongAsync(me, appointmentId, date, ct)).ToApi(TypedResults.Ok))
            .WithSummary("\"Ik ga mee\": I go along to the occurrence on this date (yyyy-MM-dd).");
        goingAlong.MapDelete("/", async (Guid appointmentId, string date, CircleMembership me, AgendaPlanner planner, CancellationToken ct) =>
                (await planner.StopGoingAlongAsync(me, appointmentId, date, ct)).ToApi(TypedResults.Ok))
            .WithSummary("\"Ik ga toch niet mee\": I no longer go along to the occurrence on this date.");

        var feed = app.MapGroup("/api/v1/calendar-feed").WithTags("Agenda").RequireAuthorization(AccountsExtensions.ApiPolicy);
        feed.MapGet("/", async (ClaimsPrincipal user, CalendarFeeds feeds, HttpContext http, CancellationToken ct) =>
                Secret(http, TypedResults.Ok(await feeds.MineAsync(user.RequiredUserId(), ct))))
            .WithSummary("My private iCalendar link, covering all my circles.")
            .WithDescription("The first request makes the link and is the only answer that contains it (url, webcalUrl); it is " +
                "stored as a hash, so later answers give only createdAt. Lost the link? POST reset for a new one.");
        feed.MapPost("/reset", async (ClaimsPrincipal user, CalendarFeeds feeds, HttpContext http, CancellationToken ct) =>
                Secret(http, TypedResults.Ok(await feeds.ResetAsync(user.RequiredUserId(), ct))))
            .WithSummary("A new private link, in this answer only; the old one answers 404 from now on.");

        // What phones subscribe to: no login, the secret token is the key. Some calendar apps check with HEAD first.
        app.MapMethods("/calendar/{token}.ics", [HttpMethods.Get, HttpMethods.Head], async (string token, CalendarFeeds feeds, CancellationToken ct) =>
                await feeds.RenderAsync(token, ct) is { } calendar
                    ? Results.Text(calendar, CalendarFeeds.ContentType)
                    : Results.NotFound())
            .AllowAnonymous()
            .WithMetadata(new SecretInUrlAttribute())
            .ExcludeFromDescription();
    }

    /// <summary>An answer that may hold the feed's secret is kept by no cache.</summary>
    private static T Secret<T>(HttpContext http, T result)
    {
        http.Response.Headers.CacheControl = "no-store";
        return result;
    }
}
