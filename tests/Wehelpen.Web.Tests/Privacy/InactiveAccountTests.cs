using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Privacy;

/// <summary>
/// Accounts nobody signs in to: a mail after two years, erased thirty days later unless they sign in; and the sign-ins
/// that count, recorded at most once a day.
/// </summary>
public sealed class InactiveAccountTests
{
    [Theory, BothDatabases]
    public async Task An_account_without_sign_in_for_two_years_is_warned_in_its_language_and_erased_30_days_later_unless_they_sign_in(DatabaseProvider provider)
    {
        var (app, clock) = await RetentionSteps.StartAsync(provider);
        await using var _app = app;
        var start = RetentionSteps.Start;
        var anna = await app.RegisterAsync("Anna English", "en");
        (await app.LoginAsync(CircleSteps.EmailOf("Anna English"))).Dispose();
        var dora = await app.RegisterAsync("Dora Dijkstra", "nl");
        (await app.LoginAsync(CircleSteps.EmailOf("Dora Dijkstra"))).Dispose();
        var cees = await app.RegisterAsync("Cees Onbevestigd", "nl", confirm: false);
        clock.Advance(TimeSpan.FromDays(2));
        var bert = await app.RegisterAsync("Bert Later", "nl");
        (await app.LoginAsync(CircleSteps.EmailOf("Bert Later"))).Dispose();

        // Day 729 for Bert, 731 for the others.
        clock.Now = start.AddDays(731);
        var warned = await app.RetainAsync();
        Assert.Equal(3, warned["inactive-account-warnings"]);
        Assert.Equal(0, warned["inactive-accounts"]);
        var deadline = start.AddDays(761).ToAmsterdam();
        var english = Assert.Single(app.Emails(CircleSteps.EmailOf("Anna English")), m => m.Subject == "Your Wehelpen account");
        Assert.Contains($"Then sign in before {deadline.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"))}.", english.TextBody);
        Assert.Contains("everything that belongs to it", english.TextBody);
        Assert.Contains("/account/login", app.LinkInEmail(CircleSteps.EmailOf("Anna English"), "/account/login").AbsolutePath);
        var dutch = Assert.Single(app.Emails(CircleSteps.EmailOf("Dora Dijkstra")), m => m.Subject == "Uw account bij Wehelpen");
        Assert.Contains($"Log dan in vóór {deadline.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl"))}.", dutch.TextBody);
        Assert.Single(app.Emails(CircleSteps.EmailOf("Cees Onbevestigd")), m => m.Subject == "Uw account bij Wehelpen");
        Assert.DoesNotContain(app.Emails(CircleSteps.EmailOf("Bert Later")), m => m.Subject == "Uw account bij Wehelpen");
        Assert.Null((await app.AccountAsync(FormerMember.Id))!.InactivityWarnedAt);

        // The next night: nobody is warned twice.
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await app.RetainAsync())["inactive-account-warnings"]);
        Assert.Single(app.Emails(CircleSteps.EmailOf("Anna English")), m => m.Subject == "Your Wehelpen account");

        // Dora signs in ten days after the mail.
        clock.Now = start.AddDays(741);
        Assert.Equal(HttpStatusCode.OK, await app.LoginStatusAsync("Dora Dijkstra"));
        Assert.Null((await app.AccountAsync(dora))!.InactivityWarnedAt);

        // Day 760: the warning is 29 days old. Bert, at 758 days, gets his mail now.
        clock.Now = start.AddDays(760);
        var waiting = await app.RetainAsync();
        Assert.Equal(0, waiting["inactive-accounts"]);
        Assert.Equal(1, waiting["inactive-account-warnings"]);
        Assert.NotNull(await app.AccountAsync(anna));
        Assert.Single(app.Emails(CircleSteps.EmailOf("Bert Later")), m => m.Subject == "Uw account bij Wehelpen");

        // Day 762: the warning is 31 days old.
        clock.Now = start.AddDays(762);
        var erased = await app.RetainAsync();
        Assert.Equal(2, erased["inactive-accounts"]);
        Assert.Equal(0, erased["inactive-account-warnings"]);
        Assert.Null(await app.AccountAsync(anna));
        Assert.Null(await app.AccountAsync(cees));
        Assert.Empty(await app.QueryAsync(db => Task.FromResult(db.Set<IdentityUserRole<string>>().Where(r => r.UserId == anna || r.UserId == cees).ToList())));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.LoginStatusAsync("Anna English"));
        Assert.Equal(HttpStatusCode.OK, await app.LoginStatusAsync("Dora Dijkstra"));
        Assert.NotNull((await app.AccountAsync(bert))!.InactivityWarnedAt);
        Assert.NotNull(await app.AccountAsync(FormerMember.Id));
    }

    [Theory, BothDatabases]
    public async Task Signing_in_by_login_page_api_and_token_refresh_is_recorded_at_most_once_a_day(DatabaseProvider provider)
    {
        var (app, clock) = await RetentionSteps.StartAsync(provider);
        await using var _app = app;
        var start = RetentionSteps.Start;
        var id = await app.RegisterAsync("Lies Login", "nl");
        Assert.Null((await app.AccountAsync(id))!.LastSignInAt);

        using var api = app.CreateApiClient();
        var login = await api.PostAsJsonAsync("/api/v1/account/login", new { email = CircleSteps.EmailOf("Lies Login"), password = WehelpenApplication.Password });
        var refreshToken = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();
        Assert.Equal(start, (await app.AccountAsync(id))!.LastSignInAt);

        clock.Advance(TimeSpan.FromHours(20));
        Assert.Equal(HttpStatusCode.OK, await app.LoginStatusAsync("Lies Login"));
        Assert.Equal(start, (await app.AccountAsync(id))!.LastSignInAt);

        clock.Now = start.AddDays(2);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken })).StatusCode);
        Assert.Equal(start.AddDays(2), (await app.AccountAsync(id))!.LastSignInAt);

        clock.Now = start.AddDays(4);
        using var browser = await app.BrowserAsync("Lies Login");
        Assert.Equal(start.AddDays(4), (await app.AccountAsync(id))!.LastSignInAt);
    }

    [Theory, BothDatabases]
    public async Task Staying_signed_in_counts_as_signing_in_once_the_session_is_checked_again(DatabaseProvider provider)
    {
        var (app, clock) = await RetentionSteps.StartAsync(provider);
        await using var _app = app;
        var id = await app.RegisterAsync("Sam Sessie", "nl");
        using var browser = await app.BrowserAsync("Sam Sessie");

        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);

        Assert.Equal(clock.Now, (await app.AccountAsync(id))!.LastSignInAt);
    }
}
