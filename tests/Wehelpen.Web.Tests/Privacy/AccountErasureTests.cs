using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Privacy;

/// <summary>"Mijn account verwijderen": immediate, complete, and kind to the circles the person leaves behind.</summary>
public sealed class AccountErasureTests
{
    [Theory, BothDatabases]
    public async Task After_erasure_nothing_that_identifies_the_person_or_their_own_circle_is_left_in_the_database(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var world = await app.PieterWithCirclesAsync();
        Assert.NotEmpty(await app.FindInDatabaseAsync(PietersWorld.Traces)); // the scan finds what is there

        var response = await world.Pieter.EraseAccountAsync(WehelpenApplication.Password);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await app.FindInDatabaseAsync(PietersWorld.Traces));
        if (provider == DatabaseProvider.Sqlite) Assert.Empty(app.FindInDatabaseFiles(PietersWorld.Traces));
    }

    [Theory, BothDatabases]
    public async Task The_circles_he_helped_keep_what_he_wrote_as_a_former_member_and_go_on_working(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var world = await app.PieterWithCirclesAsync();

        PrivacySteps.Ok(await world.Pieter.EraseAccountAsync(WehelpenApplication.Password));

        var bert = world.Bert;
        var chat = await bert.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{world.BertsCircle}/chat");
        var message = chat.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("text").GetString() == PietersWorld.ChatInB);
        Assert.Equal("Voormalig lid", message.GetProperty("authorName").GetString());
        var logbook = await bert.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{world.BertsCircle}/logbook?pageSize=100");
        var entry = logbook.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("text").GetString() == PietersWorld.LogbookInB);
        Assert.Equal("Voormalig lid", entry.GetProperty("authorName").GetString());
        Assert.Contains(await bert.LogbookAsync(world.BertsCircle), line => line.StartsWith("Voormalig lid heeft ‘Naar de apotheek voor Oma Bep’ teruggegeven."));

        // His open question is withdrawn, the task he had is open again for the circle, the finished one is still his work.
        Assert.Equal("cancelled", (await bert.DetailsAsync(world.OpenAsk)).Status());
        var task = await bert.DetailsAsync(world.TaskInHand);
        Assert.Equal("open", task.Status());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("summary").GetProperty("claimedByName").ValueKind);
        var done = await bert.DetailsAsync(world.TaskDone);
        Assert.Equal("Voormalig lid", done.GetProperty("summary").GetProperty("claimedByName").GetString());
        var thread = await bert.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{world.TaskDone}/chat");
        Assert.Equal("Voormalig lid", thread.GetProperty("messages").EnumerateArray().Single().GetProperty("authorName").GetString());

        // Bert hears that the task is open again; the circle goes on: Bert can still post and a new helper can claim.
        var notifications = await bert.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Contains(notifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString() == "‘Naar de apotheek voor Oma Bep’ staat weer open");
        var members = await bert.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{world.BertsCircle}/members");
        Assert.DoesNotContain(members.EnumerateArray(), m => m.GetProperty("userId").GetString() == world.PieterId);
        var history = await bert.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{world.BertsCircle}/history");
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("change").GetString() == "left" && e.GetProperty("subjectName").GetString() == "Voormalig lid");
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        await bert.JoinAsync(world.BertsCircle, vera);
        PrivacySteps.Ok(await vera.ActAsync(world.TaskInHand, "claim"));
    }

    [Theory, BothDatabases]
    public async Task His_own_circle_goes_and_its_coordinator_is_mailed_and_he_can_no_longer_sign_in(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var world = await app.PieterWithCirclesAsync();

        PrivacySteps.Ok(await world.Pieter.EraseAccountAsync(WehelpenApplication.Password));

        var mail = Assert.Single(app.Emails(CircleSteps.EmailOf("Carla Coördinator")), m => m.Subject.Contains(PietersWorld.OwnCircleName));
        Assert.Contains("verwijderd", mail.TextBody);
        Assert.Empty(app.Emails(PietersWorld.Email)); // the mail folder kept nothing addressed to him
        Assert.DoesNotContain((await world.Carla.GetFromJsonAsync<JsonElement>("/api/v1/circles")).EnumerateArray(),
            c => c.GetProperty("id").GetGuid() == world.OwnCircle);
        // As for any circle that is not hers: whether it ever existed is not told.
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Carla.GetAsync($"/api/v1/circles/{world.OwnCircle}")).StatusCode);

        using var client = app.CreateApiClient();
        var login = await client.PostAsJsonAsync("/api/v1/account/login", new { email = PietersWorld.Email, password = WehelpenApplication.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_wrong_or_missing_password_erases_nothing_and_says_so_in_Dutch(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var world = await app.PieterWithCirclesAsync();

        var wrong = await world.Pieter.EraseAccountAsync("niet mijn wachtwoord");
        Assert.Equal(["Dat wachtwoord klopt niet. Er is niets verwijderd."], await ProblemAssert.FieldErrorsAsync(wrong, "password"));
        var missing = await world.Pieter.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/account"));
        Assert.Equal(["Vul uw wachtwoord in om te bevestigen dat u het bent."], await ProblemAssert.FieldErrorsAsync(missing, "password"));

        Assert.NotEmpty(await app.FindInDatabaseAsync([PietersWorld.Name, PietersWorld.OwnCircleName, "Chat-A-zeldzaam-4410"]));
        Assert.Equal(HttpStatusCode.OK, (await world.Pieter.GetAsync($"/api/v1/circles/{world.OwnCircle}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Erasing_twice_or_with_the_token_of_an_erased_account_is_no_error(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (pieter, _) = await app.PersonAsync(PietersWorld.Name);

        Assert.Equal(HttpStatusCode.NoContent, (await pieter.EraseAccountAsync(WehelpenApplication.Password)).StatusCode);
        // The erasure ended the token's session (issue 20): the token is refused as signed out, not an error.
        Assert.Equal(HttpStatusCode.Unauthorized, (await pieter.EraseAccountAsync(WehelpenApplication.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await pieter.GetAsync("/api/v1/account/export")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_erase_anything()
    {
        await using var app = await WehelpenApplication.StartAsync();
        using var anonymous = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.EraseAccountAsync("x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/account/export")).StatusCode);
    }
}
