using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Wehelpen.Web.Tests.Accounts;

public sealed class LoginApiTests
{
    [Theory, BothDatabases]
    public async Task Too_many_login_attempts_from_one_address_get_429_with_a_Dutch_explanation(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        HttpResponseMessage last = new();
        for (var i = 0; i < 11; i++)
            last = await client.PostAsJsonAsync("/api/v1/account/login", new { email = $"iemand{i}@example.nl", password = "wat dan ook" });

        var problem = await ProblemAssert.IsProblemAsync(last, HttpStatusCode.TooManyRequests);
        Assert.Equal("Even geduld", problem.GetProperty("title").GetString());
        Assert.True(last.Headers.RetryAfter is not null, "Retry-After tells an app when to try again");
    }

    [Theory, BothDatabases]
    public async Task An_unknown_address_a_wrong_password_and_an_unconfirmed_account_get_one_answer(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("els@example.nl");
        await app.RegisterUnconfirmedAsync("piet@example.nl");
        using var client = app.CreateApiClient();

        var wrong = await client.LoginAsync("els@example.nl", "niet goed genoeg");
        var unknown = await client.LoginAsync("niemand@example.nl", "niet goed genoeg");
        var unconfirmed = await client.LoginAsync("piet@example.nl", "niet goed genoeg");

        var problem = await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(unconfirmed, HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_credentials", problem.GetProperty("reason").GetString());
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(wrong), await ProblemAssert.ComparableBodyAsync(unknown));
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(wrong), await ProblemAssert.ComparableBodyAsync(unconfirmed));
    }

    [Theory, BothDatabases]
    public async Task Only_the_right_password_hears_that_the_address_is_not_confirmed_and_where_to_get_the_link_again(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterUnconfirmedAsync("piet@example.nl");
        using var client = app.CreateApiClient();

        var right = await client.LoginAsync("piet@example.nl");

        var problem = await ProblemAssert.IsProblemAsync(right, HttpStatusCode.Unauthorized);
        Assert.Equal("email_not_confirmed", problem.GetProperty("reason").GetString());
        Assert.Contains("Bevestig eerst uw e-mailadres", problem.GetProperty("detail").GetString());
        var resend = problem.GetProperty("resendConfirmation").GetString();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync(resend, new { email = "piet@example.nl" })).StatusCode);
        Assert.Equal(2, app.Emails("piet@example.nl").Count(m => m.Subject.Contains("Bevestig")));
    }

    [Theory, BothDatabases]
    public async Task An_unknown_address_costs_a_password_check_as_a_known_one_does(DatabaseProvider provider)
    {
        var hasher = new CountingHasher();
        await using var app = await WehelpenApplication.StartAsync(provider, services: hasher.Use);
        await app.RegisterConfirmedAsync("els@example.nl");
        using var client = app.CreateApiClient();

        var before = hasher.Verified;
        await client.LoginAsync("els@example.nl", "niet goed genoeg");
        var forKnown = hasher.Verified - before;
        await client.LoginAsync("niemand@example.nl", "niet goed genoeg");
        var forUnknown = hasher.Verified - before - forKnown;

        Assert.Equal(1, forKnown);
        Assert.Equal(1, forUnknown);
    }

    [Theory, BothDatabases]
    public async Task A_lockout_left_from_before_keeps_nobody_out(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var id = await app.RegisterConfirmedAsync("jan@example.nl");
        await app.QueryAsync(db => db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddYears(100)).SetProperty(x => x.AccessFailedCount, 5)));
        using var client = app.CreateApiClient();

        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync("jan@example.nl")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_refresh_token_gives_a_new_access_token_and_garbage_does_not(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("bob@example.nl");
        using var client = app.CreateApiClient();
        var login = await (await client.PostAsJsonAsync("/api/v1/account/login", new { email = "bob@example.nl", password = WehelpenApplication.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var refreshed = await client.PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() });
        var garbage = await client.PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = "niet-echt" });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.False(string.IsNullOrEmpty((await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()));
        await ProblemAssert.IsProblemAsync(garbage, HttpStatusCode.Unauthorized);
    }
}
