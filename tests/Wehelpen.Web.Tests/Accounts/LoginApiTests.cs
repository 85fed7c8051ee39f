using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wehelpen.Web.Tests.Accounts;

public sealed class LoginApiTests
{
    [Theory, BothDatabases]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("jan@example.nl");
        using var client = app.CreateApiClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "jan@example.nl", password = "verkeerd wachtwoord" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var right = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "jan@example.nl", password = WehelpenApplication.Password });

        var problem = await ProblemAssert.IsProblemAsync(right, HttpStatusCode.Unauthorized);
        Assert.Equal("locked_out", problem.GetProperty("reason").GetString());
        Assert.Contains("15 minuten", problem.GetProperty("detail").GetString());
    }

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
    public async Task Wrong_password_and_unknown_address_get_the_same_answer(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("els@example.nl");
        using var client = app.CreateApiClient();

        var wrong = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "els@example.nl", password = "niet goed genoeg" });
        var unknown = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "niemand@example.nl", password = "niet goed genoeg" });

        var a = await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized);
        var b = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized);
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
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
