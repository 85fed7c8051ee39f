using System.Net;
using System.Net.Http.Json;

namespace Wehelpen.Web.Tests.Accounts;

public sealed class PasswordResetTests
{
    [Theory, BothDatabases]
    public async Task A_person_who_forgot_the_password_sets_a_new_one_through_the_emailed_link(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("mia@example.nl");
        using var client = app.CreateApiClient();

        var forgot = await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "mia@example.nl" });
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(app.LinkInEmail("mia@example.nl", "/account/reset-password").Query);

        var reset = await client.PostAsJsonAsync("/api/v1/account/reset-password",
            new { email = "mia@example.nl", code = query["code"], newPassword = "mijn nieuwe geheime zin" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        var oldPassword = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "mia@example.nl", password = WehelpenApplication.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        using var _ = await app.LoginAsync("mia@example.nl", "mijn nieuwe geheime zin");

        // The link works once.
        var again = await client.PostAsJsonAsync("/api/v1/account/reset-password",
            new { email = "mia@example.nl", code = query["code"], newPassword = "nog een andere zin" });
        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(again, "code"));
    }

    [Theory, BothDatabases]
    public async Task Asking_for_an_unknown_address_looks_the_same_and_sends_nothing(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var response = await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "onbekend@example.nl" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(app.Emails("onbekend@example.nl"));
    }

    [Theory, BothDatabases]
    public async Task Reset_requests_are_rate_limited(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "x@example.nl" })).StatusCode);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }

    [Theory, BothDatabases]
    public async Task A_reset_code_for_one_account_does_not_reset_another(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("eerste@example.nl");
        await app.RegisterConfirmedAsync("tweede@example.nl");
        using var client = app.CreateApiClient();
        await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "eerste@example.nl" });
        var query = System.Web.HttpUtility.ParseQueryString(app.LinkInEmail("eerste@example.nl", "/account/reset-password").Query);

        var response = await client.PostAsJsonAsync("/api/v1/account/reset-password",
            new { email = "tweede@example.nl", code = query["code"], newPassword = "overgenomen wachtwoord" });

        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(response, "code"));
        using var _ = await app.LoginAsync("tweede@example.nl");
    }
}
