using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Accounts.Sessions;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Accounts.Sessions;

/// <summary>"Waar ben ik ingelogd" and "Overal uitloggen", on the account page and in the API.</summary>
public sealed class SessionListTests
{
    [Theory, BothDatabases]
    public async Task The_account_page_shows_where_one_is_signed_in_and_signs_out_one_of_them(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings);
        var id = await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Sien Sessie"), "Sien Sessie");
        var (laptop, _) = await app.BrowserSignInAsync("Sien Sessie");
        var (phone, _) = await app.AppAsync("Sien Sessie");

        var page = await laptop.PageAsync("/account/security");
        Assert.Contains("<h2 id=\"sessions-heading\">Waar ben ik ingelogd</h2>", page);
        Assert.Contains("<strong>Firefox op Windows</strong> <span class=\"day-marker\">dit apparaat</span>", page);
        Assert.Contains("<strong>App op Android</strong>", page);
        Assert.Contains("Overal uitloggen", page);
        Assert.Contains("Op dit apparaat blijft u ingelogd.", page);

        var appSession = (await app.SessionRowsAsync(id)).Single(s => s.Kind == SessionKind.App).Id;
        var ended = await PageForms.PostAsync(laptop, "/account/security?handler=End", [new("sessionId", appSession.ToString())], formPage: "/account/security");

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await phone.ProfileStatusAsync());
        page = await laptop.PageAsync("/account/security");
        Assert.Contains("Daar bent u nu uitgelogd.", page);
        Assert.DoesNotContain("App op Android", page);
        Assert.True(await laptop.SignedInAsync());
    }

    [Theory, BothDatabases]
    public async Task Someone_else_s_session_cannot_be_ended_and_the_answer_does_not_tell_it_exists(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings);
        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Sien Sessie"), "Sien Sessie");
        var strangerId = await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Stan Vreemde"), "Stan Vreemde");
        var (sien, _) = await app.AppAsync("Sien Sessie");
        var (laptop, _) = await app.BrowserSignInAsync("Sien Sessie");
        var (stan, _) = await app.AppAsync("Stan Vreemde");
        var stansSession = Assert.Single(await app.SessionRowsAsync(strangerId)).Id;

        var theirs = await sien.DeleteAsync($"/api/v1/account/sessions/{stansSession}");
        var madeUp = await sien.DeleteAsync($"/api/v1/account/sessions/{Guid.NewGuid()}");
        var onPage = await PageForms.PostAsync(laptop, "/account/security?handler=End", [new("sessionId", stansSession.ToString())], formPage: "/account/security");

        await ProblemAssert.IsProblemAsync(theirs, HttpStatusCode.NotFound);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(theirs));
        Assert.Equal(HttpStatusCode.NotFound, onPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await stan.ProfileStatusAsync());
        Assert.Null(Assert.Single(await app.SessionRowsAsync(strangerId)).EndedAt);
    }

    [Theory, BothDatabases]
    public async Task The_API_lists_the_sessions_with_this_one_marked_and_ends_one(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings);
        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Sien Sessie"), "Sien Sessie");
        var (laptop, _) = await app.BrowserSignInAsync("Sien Sessie", SessionSteps.SafariOnIPhone);
        var (phone, _) = await app.AppAsync("Sien Sessie");

        var sessions = await phone.SessionsAsync();

        Assert.Equal(2, sessions.Length);
        var mine = Assert.Single(sessions, s => s.GetProperty("current").GetBoolean());
        Assert.Equal("app", mine.GetProperty("kind").GetString());
        Assert.Equal("App op Android", mine.GetProperty("device").GetString());
        var other = Assert.Single(sessions, s => !s.GetProperty("current").GetBoolean());
        Assert.Equal("Safari op iPhone", other.GetProperty("device").GetString());
        Assert.Equal("page", other.GetProperty("kind").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await phone.DeleteAsync($"/api/v1/account/sessions/{other.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.False(await laptop.SignedInAsync());
        Assert.Single(await phone.SessionsAsync());
    }

    [Theory, BothDatabases]
    public async Task Overal_uitloggen_signs_out_every_device_this_one_too(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings);
        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Sien Sessie"), "Sien Sessie");
        var (laptop, _) = await app.BrowserSignInAsync("Sien Sessie");
        var (tablet, _) = await app.BrowserSignInAsync("Sien Sessie", SessionSteps.SafariOnIPhone);
        var (phone, tokens) = await app.AppAsync("Sien Sessie");

        var response = await PageForms.PostAsync(laptop, "/account/security?handler=EndAll", [], formPage: "/account/security");

        Assert.Equal("/account/logout", response.Headers.Location?.OriginalString);
        Assert.Contains("U bent uitgelogd", await laptop.PageAsync("/account/logout"));
        Assert.False(await laptop.SignedInAsync());
        Assert.False(await tablet.SignedInAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await phone.ProfileStatusAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RefreshAsync(tokens.RefreshToken)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_API_signs_out_everywhere_and_ending_sessions_is_rate_limited(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string?>(SessionSteps.Settings) { ["RateLimits:SessionEndsPerQuarterHour"] = "3" };
        await using var app = await WehelpenApplication.StartAsync(provider, settings);
        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Sien Sessie"), "Sien Sessie");
        var (laptop, _) = await app.BrowserSignInAsync("Sien Sessie");
        var (phone, _) = await app.AppAsync("Sien Sessie");
        var (tablet, _) = await app.AppAsync("Sien Sessie", SessionSteps.SafariOnIPhone);

        Assert.Equal(HttpStatusCode.NotFound, (await phone.DeleteAsync($"/api/v1/account/sessions/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.DeleteAsync($"/api/v1/account/sessions/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await phone.PostAsync("/api/v1/account/sessions/end-all", null)).StatusCode);

        Assert.False(await laptop.SignedInAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await phone.ProfileStatusAsync());
        var (again, _) = await app.AppAsync("Sien Sessie");
        var limited = await again.PostAsync("/api/v1/account/sessions/end-all", null);
        var problem = await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal("Even geduld", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, await again.ProfileStatusAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await tablet.ProfileStatusAsync());
    }

    [Theory, BothDatabases]
    public async Task Last_seen_is_written_at_most_every_five_minutes(DatabaseProvider provider)
    {
        var clock = SessionSteps.Clock();
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings, s => s.AddSingleton<TimeProvider>(clock));
        var id = await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Sien Sessie"), "Sien Sessie");
        var start = clock.Now;
        var (phone, _) = await app.AppAsync("Sien Sessie");

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, await phone.ProfileStatusAsync());
        Assert.Equal(start, Assert.Single(await app.SessionRowsAsync(id)).LastSeenAt);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, await phone.ProfileStatusAsync());
        Assert.Equal(HttpStatusCode.OK, await phone.ProfileStatusAsync());
        Assert.Equal(clock.Now, Assert.Single(await app.SessionRowsAsync(id)).LastSeenAt);
    }
}
