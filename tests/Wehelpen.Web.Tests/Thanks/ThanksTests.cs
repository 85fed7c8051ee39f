using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Thanks;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Notifications;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Thanks;

/// <summary>After the help is done, the circle thanks the volunteer; the volunteer is told and reads it, without the address.</summary>
public sealed class ThanksTests
{
    private const string Note = "Dank je wel, Vera! Opa was heel blij met de boodschappen.";

    [Theory, BothDatabases]
    public async Task The_circle_thanks_the_helper_who_is_told_and_reads_the_note_with_the_task_but_never_the_address(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, veraId) = await app.VolunteerAsync("Vera Vrijwilliger");
        var requestId = await c.Member.DoneRequestAsync(c.CircleId, vera);

        var thanks = await c.Member.ThankedAsync(requestId, "  " + Note + "\n ");

        Assert.Equal(Note, thanks.GetProperty("note").GetString());
        Assert.Equal("Mo", thanks.GetProperty("writtenByName").GetString());
        var told = (await vera.ListAsync()).GetProperty("items").EnumerateArray().Single(n => n.GetProperty("title").GetString()!.StartsWith("Bedankt"));
        Assert.Equal("Bedankt voor uw hulp bij ‘Boodschappen bij de supermarkt’", told.GetProperty("title").GetString());
        Assert.Contains("Mo schreef u een bedankje", told.GetProperty("body").GetString());
        Assert.DoesNotContain("Opa", told.ToString()); // the note is read in the app, not in the notification or its mail
        Assert.StartsWith("/help/thanks#thanks-", told.GetProperty("link").GetString());

        var mine = Assert.Single(await vera.GetFromJsonAsync<JsonElement[]>("/api/v1/me/thanks") ?? []);
        Assert.Equal(Note, mine.GetProperty("note").GetString());
        Assert.Equal("Boodschappen bij de supermarkt", mine.GetProperty("title").GetString());
        Assert.Equal("2026-11-24", mine.GetProperty("helpedOn").GetString());
        using var browser = await app.BrowserAsync("Vera Vrijwilliger");
        var page = await browser.PageAsync("/help/thanks");
        Assert.Contains(Note, page);
        Assert.Contains("dinsdag 24 november 2026", page);
        foreach (var secret in new[] { RequestSteps.Address, RequestSteps.Phone, "1055 KL", "de Vries" })
            Assert.DoesNotContain(secret, page + mine);
        Assert.Equal(veraId, await app.QueryAsync(db => db.Set<RequestThanks>().Select(t => t.VolunteerId).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task Only_the_requesters_side_thanks_once_it_is_done_one_note_per_request_that_only_its_writer_changes(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        var requestId = await c.Member.PostedIdAsync(c.CircleId);
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "claim")).StatusCode);

        var early = await ProblemAssert.IsProblemAsync(await c.Member.ThankAsync(requestId, Note), HttpStatusCode.Conflict);
        Assert.Equal("Bedanken kan als de hulp gedaan is.", early.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "done")).StatusCode);
        var self = await ProblemAssert.IsProblemAsync(await vera.ThankAsync(requestId, "Goed gedaan, ik"), HttpStatusCode.Forbidden);
        Assert.Contains("wie om de hulp vroeg", self.GetProperty("detail").GetString());
        Assert.Equal("Vul dit in.", Assert.Single(await ProblemAssert.FieldErrorsAsync(await c.Member.ThankAsync(requestId, "   "), "note")));
        Assert.Contains("500", Assert.Single(await ProblemAssert.FieldErrorsAsync(await c.Member.ThankAsync(requestId, new string('a', 501)), "note")));

        await c.Member.ThankedAsync(requestId, Note);
        var changed = await c.Member.ThankedAsync(requestId, "Nogmaals dank!");
        Assert.Equal("Nogmaals dank!", changed.GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.String, changed.GetProperty("changedAt").ValueKind);
        var other = await ProblemAssert.IsProblemAsync(await c.Coordinator.ThankAsync(requestId, "Ook van mij"), HttpStatusCode.Conflict);
        Assert.Equal("Mo heeft al bedankt voor deze hulp.", other.GetProperty("detail").GetString());

        Assert.Equal(1, await app.QueryAsync(db => db.Set<Notification>().CountAsync(n => n.Kind == NotificationKind.Thanked)));
        var seen = await c.Coordinator.GetFromJsonAsync<JsonElement>(ThanksSteps.Api(requestId));
        Assert.Equal("Nogmaals dank!", seen.GetProperty("thanks").GetProperty("note").GetString());
        Assert.False(seen.GetProperty("canWrite").GetBoolean());
        Assert.Equal("Vera", seen.GetProperty("helperFirstName").GetString());
        Assert.Equal("Nogmaals dank!", (await vera.GetFromJsonAsync<JsonElement>(ThanksSteps.Api(requestId))).GetProperty("thanks").GetProperty("note").GetString());
    }

    [Theory, BothDatabases]
    public async Task Strangers_and_other_volunteers_get_the_answer_of_a_request_that_does_not_exist(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        var (willem, _) = await app.VolunteerAsync("Willem Buurman");
        var requestId = await c.Member.DoneRequestAsync(c.CircleId, vera);
        await c.Member.ThankedAsync(requestId, Note);

        foreach (var stranger in new[] { c.Stranger, willem })
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put })
            {
                HttpRequestMessage Request(Guid id) => new(method, ThanksSteps.Api(id)) { Content = method == HttpMethod.Put ? JsonContent.Create(new { note = "Hoi" }) : null };
                var existing = await stranger.SendAsync(Request(requestId));
                var madeUp = await stranger.SendAsync(Request(Guid.NewGuid()));
                await ProblemAssert.IsProblemAsync(existing, HttpStatusCode.NotFound);
                await ProblemAssert.IsProblemAsync(madeUp, HttpStatusCode.NotFound);
                Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(existing));
            }
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Anonymous.GetAsync(ThanksSteps.Api(requestId))).StatusCode);

        // The thanks page of the stranger's own circle, with this circle's request: as for a request that does not exist.
        using var stan = await app.BrowserAsync("Stan Vreemde");
        Assert.Equal(HttpStatusCode.NotFound, (await stan.GetAsync(ThanksSteps.Form(c.OtherCircleId, requestId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stan.GetAsync(ThanksSteps.Form(c.OtherCircleId, Guid.NewGuid()))).StatusCode);
        Assert.Equal(Note, await app.QueryAsync(db => db.Set<RequestThanks>().Select(t => t.Note).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task On_the_request_page_the_one_who_asked_thanks_the_helper_by_first_name_and_an_empty_note_is_shown_again_with_its_message(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        var requestId = await c.Member.DoneRequestAsync(c.CircleId, vera);
        using var mo = await app.BrowserAsync("Mo Lid");
        var requestPage = $"/circles/{c.CircleId}/requests/{requestId}";

        var form = await mo.PageAsync(requestPage);
        Assert.Contains("Bedank Vera", form);
        // Its own token: the form posts to the thanks page, and a token of another form on the page would not do.
        Assert.Matches("<form [^>]*class=\"thanks-form\">(?:(?!</form>)[\\s\\S])*name=\"__RequestVerificationToken\"", form);
        var refused = await PageForms.PostAsync(mo, ThanksSteps.Form(c.CircleId, requestId), [new("Input.Note", "  ")], requestPage);
        Assert.Contains("id=\"Input_Note-error\">Vul dit in.</p>", await PageForms.PageAsync(refused));

        var sent = await PageForms.PostAsync(mo, ThanksSteps.Form(c.CircleId, requestId), [new("Input.Note", Note)], requestPage);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(requestPage, sent.Headers.Location?.OriginalString);
        var after = await mo.PageAsync(requestPage);
        Assert.Contains("Uw bedankje is verstuurd naar Vera.", after);
        Assert.Contains(Note, after);
        Assert.Contains("Bedankje aanpassen", after);

        // Another member reads it, without a form.
        using var carla = await app.BrowserAsync("Carla Coördinator");
        var hers = await carla.PageAsync(requestPage);
        Assert.Contains(Note, hers);
        Assert.DoesNotContain("Bedankje aanpassen", hers);
    }

    [Theory, BothDatabases]
    public async Task Writing_thanks_too_often_is_limited(DatabaseProvider provider)
    {
        var clock = new TestClock(RequestSteps.Now);
        await using var app = await WehelpenApplication.StartAsync(provider,
            new() { ["RateLimits:ThanksPerHour"] = "2", ["RateLimits:LoginAttemptsPerMinute"] = "1000" },
            s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(s, clock));
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        var requestId = await c.Member.DoneRequestAsync(c.CircleId, vera);

        await c.Member.ThankedAsync(requestId, "Dank!");
        await c.Member.ThankedAsync(requestId, "Dank je wel!");
        await RateLimitAssert.IsLimitedAsync(await c.Member.ThankAsync(requestId, "Heel erg bedankt!"));
        Assert.Equal("Dank je wel!", await app.QueryAsync(db => db.Set<RequestThanks>().Select(t => t.Note).SingleAsync()));
    }
}
