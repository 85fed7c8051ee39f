using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Wehelpen.Web.Tests.Accounts.Sessions;

/// <summary>Logging out ends the session on the server: a copy of the cookie or of the tokens is worth nothing after.</summary>
public sealed class LogoutTests
{
    [Theory, BothDatabases]
    public async Task A_copy_of_the_cookie_gets_the_login_page_once_its_owner_logged_out(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings);
        await app.RegisterConfirmedAsync("tom.test@example.nl", "Tom Test");
        var (browser, cookie) = await app.BrowserSignInAsync("Tom Test");
        using var copy = app.WithCookie(cookie);
        Assert.True(await copy.SignedInAsync());

        await PageForms.PostAsync(browser, "/account/logout", []);

        Assert.False(await copy.SignedInAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await copy.ProfileStatusAsync());
        Assert.False(await browser.SignedInAsync());
    }

    [Theory, BothDatabases]
    public async Task An_app_that_logs_out_can_use_neither_its_access_token_nor_its_refresh_token(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings);
        await app.RegisterConfirmedAsync("tom.test@example.nl", "Tom Test");
        var (phone, tokens) = await app.AppAsync("Tom Test");
        Assert.Equal(HttpStatusCode.OK, await phone.ProfileStatusAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await phone.PostAsync("/api/v1/account/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await phone.ProfileStatusAsync());
        await ProblemAssert.IsProblemAsync(await app.RefreshAsync(tokens.RefreshToken), HttpStatusCode.Unauthorized);
    }

    [Theory, BothDatabases]
    public async Task Staying_signed_in_for_hours_keeps_the_same_session_through_the_cookie_renewals(DatabaseProvider provider)
    {
        var clock = SessionSteps.Clock();
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings, s => s.AddSingleton<TimeProvider>(clock));
        var id = await app.RegisterConfirmedAsync("tom.test@example.nl", "Tom Test");
        var (browser, _) = await app.BrowserSignInAsync("Tom Test");

        // The security stamp is checked (and the cookie renewed) every half hour of use.
        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(40));
            Assert.True(await browser.SignedInAsync());
        }

        var rows = await app.SessionRowsAsync(id);
        Assert.Equal(clock.Now, Assert.Single(rows).LastSeenAt);
        await PageForms.PostAsync(browser, "/account/logout", []);
        Assert.NotNull(Assert.Single(await app.SessionRowsAsync(id)).EndedAt);
    }
}
