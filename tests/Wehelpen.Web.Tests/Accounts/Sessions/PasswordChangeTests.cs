using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Accounts.Sessions;

/// <summary>A new password ends every other session and every access token of the person within a minute.</summary>
public sealed class PasswordChangeTests
{
    private const string NewPassword = "een heel ander wachtwoord nu";

    [Theory, BothDatabases]
    public async Task Changing_the_password_on_the_page_signs_out_every_other_device_and_keeps_this_one(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings);
        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Pia Paswoord"), "Pia Paswoord");
        var (laptop, _) = await app.BrowserSignInAsync("Pia Paswoord");
        var (tablet, _) = await app.BrowserSignInAsync("Pia Paswoord", SessionSteps.SafariOnIPhone);
        var (phone, tokens) = await app.AppAsync("Pia Paswoord");

        var changed = await PageForms.PostAsync(laptop, "/account/security?handler=ChangePassword",
            [new("Input.CurrentPassword", WehelpenApplication.Password), new("Input.NewPassword", NewPassword)], formPage: "/account/security");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Op al uw andere apparaten bent u uitgelogd; op dit apparaat blijft u ingelogd.", await laptop.PageAsync("/account/security"));
        Assert.True(await laptop.SignedInAsync());
        Assert.False(await tablet.SignedInAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await phone.ProfileStatusAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RefreshAsync(tokens.RefreshToken)).StatusCode);
        await app.AppAsync("Pia Paswoord", password: NewPassword);
    }

    [Theory, BothDatabases]
    public async Task An_app_changes_the_password_keeps_its_own_tokens_and_a_wrong_current_password_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings);
        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Pia Paswoord"), "Pia Paswoord");
        var (phone, tokens) = await app.AppAsync("Pia Paswoord");
        var (laptop, _) = await app.BrowserSignInAsync("Pia Paswoord");

        var wrong = await phone.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = "niet mijn wachtwoord", newPassword = NewPassword });
        var problem = await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.BadRequest);
        Assert.Equal("Uw huidige wachtwoord klopt niet.", problem.GetProperty("errors").GetProperty("currentPassword")[0].GetString());
        Assert.True(await laptop.SignedInAsync());

        var right = await phone.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = WehelpenApplication.Password, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        Assert.False(await laptop.SignedInAsync());
        Assert.Equal(HttpStatusCode.OK, await phone.ProfileStatusAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.RefreshAsync(tokens.RefreshToken)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_password_reset_from_the_mail_ends_every_session(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings);
        var email = CircleSteps.EmailOf("Pia Paswoord");
        await app.RegisterConfirmedAsync(email, "Pia Paswoord");
        var (laptop, _) = await app.BrowserSignInAsync("Pia Paswoord");
        var (phone, tokens) = await app.AppAsync("Pia Paswoord");
        using var anonymous = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/account/forgot-password", new { email })).StatusCode);
        var link = System.Web.HttpUtility.ParseQueryString(app.LinkInEmail(email, "/account/reset-password").Query);

        var reset = await anonymous.PostAsJsonAsync("/api/v1/account/reset-password", new { email, code = link["code"], newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.False(await laptop.SignedInAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await phone.ProfileStatusAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RefreshAsync(tokens.RefreshToken)).StatusCode);
    }

    /// <summary>Two nodes on one database: the node that did not see the change refuses the old token within the cache's half minute.</summary>
    [Fact]
    public async Task A_password_changed_through_one_node_ends_the_access_tokens_on_the_other_within_half_a_minute()
    {
        var clock = SessionSteps.Clock();
        await using var a = await WehelpenApplication.StartAsync(DatabaseProvider.Postgres, SessionSteps.Settings, s => s.AddSingleton<TimeProvider>(clock));
        await using var b = a.AnotherNode();
        await a.RegisterConfirmedAsync(CircleSteps.EmailOf("Pia Paswoord"), "Pia Paswoord");
        var (phoneOnA, _) = await a.AppAsync("Pia Paswoord");
        Assert.Equal(HttpStatusCode.OK, await phoneOnA.ProfileStatusAsync());
        var (laptopOnB, _) = await b.AppAsync("Pia Paswoord", SessionSteps.FirefoxOnWindows);

        var changed = await laptopOnB.PostAsJsonAsync("/api/v1/account/password", new { currentPassword = WehelpenApplication.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(HttpStatusCode.Unauthorized, await phoneOnA.ProfileStatusAsync());
        Assert.Equal(HttpStatusCode.OK, await laptopOnB.ProfileStatusAsync());
    }
}
