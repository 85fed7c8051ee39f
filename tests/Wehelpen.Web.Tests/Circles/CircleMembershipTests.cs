using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Wehelpen.Web.Tests.Circles;

public sealed class CircleMembershipTests
{
    [Theory, BothDatabases]
    public async Task A_resident_starts_their_own_circle_as_hoofdpersoon_and_only_one(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (jan, _) = await app.PersonAsync("Jan Bakker", "resident");

        var response = await jan.PostAsJsonAsync("/api/v1/circles", new { forMyself = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var circle = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("circle");
        Assert.Equal("Zorgcirkel van Jan Bakker", circle.GetProperty("name").GetString());
        Assert.Equal("resident", circle.GetProperty("myRole").GetString());

        var second = await jan.PostAsJsonAsync("/api/v1/circles", new { forMyself = true });
        var problem = await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Contains("al hoofdpersoon", problem.GetProperty("detail").GetString());
        Assert.Single(await jan.GetFromJsonAsync<JsonElement[]>("/api/v1/circles") ?? []);
    }

    [Theory, BothDatabases]
    public async Task A_carer_starts_a_circle_for_someone_and_the_resident_takes_it_over_with_the_code(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (carla, _) = await app.PersonAsync("Carla Dochter");
        var (jan, _) = await app.PersonAsync("Jan Bakker", "resident");

        var created = await (await carla.PostAsJsonAsync("/api/v1/circles", new { forMyself = false, residentName = "Vader Jan" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var circleId = created.GetProperty("circle").GetProperty("id").GetGuid();
        Assert.Equal("coordinator", created.GetProperty("circle").GetProperty("myRole").GetString());
        var takeover = created.GetProperty("takeoverInvitation");
        Assert.Equal("resident", takeover.GetProperty("role").GetString());
        var code = takeover.GetProperty("code").GetString()!;
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}$", code);

        // Read out over the phone and typed in lower case without the dash: the same code.
        var typed = code.Replace("-", " ").ToLowerInvariant();
        var preview = await jan.GetFromJsonAsync<JsonElement>($"/api/v1/invitations/{Uri.EscapeDataString(typed)}");
        Assert.Equal("Vader Jan", preview.GetProperty("residentName").GetString());
        Assert.Equal("Carla Dochter", preview.GetProperty("invitedBy").GetString());
        Assert.Equal("resident", preview.GetProperty("role").GetString());

        Assert.Equal(HttpStatusCode.OK, (await jan.AcceptAsync(typed)).StatusCode);
        var members = await jan.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{circleId}/members");
        Assert.Equal(["Carla Dochter:coordinator", "Jan Bakker:resident"],
            members.EnumerateArray().Select(m => $"{m.GetProperty("displayName").GetString()}:{m.GetProperty("role").GetString()}").Order().ToArray());

        // A takeover invitation serves once; the circle now has its hoofdpersoon.
        var (other, _) = await app.PersonAsync("Iemand Anders");
        await ProblemAssert.IsProblemAsync(await other.AcceptAsync(code), HttpStatusCode.Conflict);
        var again = await carla.PostAsJsonAsync($"/api/v1/circles/{circleId}/invitations", new { role = "resident" });
        Assert.Contains("Kies lid of coördinator.", await ProblemAssert.FieldErrorsAsync(again, "role"));
    }

    [Theory, BothDatabases]
    public async Task Expired_revoked_and_used_up_invitations_are_refused_with_a_clear_message(DatabaseProvider provider)
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var (carla, _) = await app.PersonAsync("Carla Coördinator");
        var circleId = await carla.CreateCircleAsync();
        var (els, _) = await app.PersonAsync("Els Buur");
        var (piet, _) = await app.PersonAsync("Piet Buur");

        var once = await carla.InviteAsync(circleId, maxUses: 1);
        Assert.Equal(HttpStatusCode.OK, (await els.AcceptAsync(once.GetProperty("code").GetString()!)).StatusCode);
        Assert.Contains("al zo vaak gebruikt", await DetailAsync(await piet.AcceptAsync(once.GetProperty("code").GetString()!)));

        var revoked = await carla.InviteAsync(circleId, maxUses: 5);
        var revoke = await carla.DeleteAsync($"/api/v1/circles/{circleId}/invitations/{revoked.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Contains("ingetrokken", await DetailAsync(await piet.AcceptAsync(revoked.GetProperty("code").GetString()!)));

        var shortLived = await carla.InviteAsync(circleId, validDays: 1);
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        piet = await app.LoginAsync(CircleSteps.EmailOf("Piet Buur"));
        Assert.Contains("verlopen", await DetailAsync(await piet.AcceptAsync(shortLived.GetProperty("code").GetString()!)));

        var unknown = await piet.AcceptAsync("AAAA-AAAA");
        Assert.Contains("kennen we niet", (await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        Assert.DoesNotContain(await app.QueryAsync(db => Task.FromResult(db.Set<Web.Features.Circles.CircleMember>().Select(m => m.User!.DisplayName).ToList())), n => n == "Piet Buur");
    }

    [Theory, BothDatabases]
    public async Task Two_people_racing_for_the_last_use_of_an_invitation_get_one_place(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (carla, _) = await app.PersonAsync("Carla Coördinator");
        var circleId = await carla.CreateCircleAsync();
        var people = new List<HttpClient>();
        for (var i = 0; i < 4; i++) people.Add((await app.PersonAsync($"Buur {i}")).Client);
        var code = (await carla.InviteAsync(circleId, maxUses: 2)).GetProperty("code").GetString()!;

        var answers = await Task.WhenAll(people.Select(p => p.AcceptAsync(code)));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var members = await carla.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{circleId}/members");
        Assert.Equal(3, members.GetArrayLength());
    }

    [Theory, BothDatabases]
    public async Task Accepting_twice_at_once_joins_once_and_counts_one_use(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (carla, _) = await app.PersonAsync("Carla Coördinator");
        var circleId = await carla.CreateCircleAsync();
        var (els, _) = await app.PersonAsync("Els Buur");
        var code = (await carla.InviteAsync(circleId, maxUses: 5)).GetProperty("code").GetString()!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => els.AcceptAsync(code)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var invitation = (await carla.GetFromJsonAsync<JsonElement[]>($"/api/v1/circles/{circleId}/invitations"))!
            .Single(i => i.GetProperty("code").GetString() == code);
        Assert.Equal(1, invitation.GetProperty("uses").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task Members_leave_coordinators_remove_and_every_change_is_recorded_with_who_and_when(DatabaseProvider provider)
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var c = await app.TwoCirclesAsync();
        var (els, elsId) = await app.PersonAsync("Els Buur");
        await c.Coordinator.JoinAsync(c.CircleId, els);

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.NoContent, (await c.Member.PostAsync($"/api/v1/circles/{c.CircleId}/leave", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Member.GetAsync($"/api/v1/circles/{c.CircleId}/members")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.DeleteAsync($"/api/v1/circles/{c.CircleId}/members/{elsId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await els.GetAsync($"/api/v1/circles/{c.CircleId}")).StatusCode);

        var history = await c.Coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/history");
        var lines = history.EnumerateArray().Select(e =>
            $"{e.GetProperty("change").GetString()} {e.GetProperty("subjectName").GetString()} by {e.GetProperty("actorName").GetString()} at {e.GetProperty("at").GetDateTimeOffset().UtcDateTime:HH:mm}").ToArray();
        Assert.Equal(
        [
            "removed Els Buur by Carla Coördinator at 09:20",
            "left Mo Lid by Mo Lid at 09:10",
            "joined Els Buur by Els Buur at 09:00",
            "joined Mo Lid by Mo Lid at 09:00",
            "created Carla Coördinator by Carla Coördinator at 09:00",
        ], lines);
    }

    [Theory, BothDatabases]
    public async Task Leaving_or_removing_twice_at_once_is_done_once_and_recorded_once(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var (els, elsId) = await app.PersonAsync("Els Buur");
        await c.Coordinator.JoinAsync(c.CircleId, els);

        var leaving = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => c.Member.PostAsync($"/api/v1/circles/{c.CircleId}/leave", null)));
        var removing = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => c.Coordinator.DeleteAsync($"/api/v1/circles/{c.CircleId}/members/{elsId}")));

        Assert.DoesNotContain(leaving.Concat(removing), r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Contains(removing, r => r.StatusCode == HttpStatusCode.NoContent);
        var history = await c.Coordinator.GetFromJsonAsync<JsonElement[]>($"/api/v1/circles/{c.CircleId}/history");
        Assert.Single(history!, e => e.GetProperty("change").GetString() == "left");
        Assert.Single(history!, e => e.GetProperty("change").GetString() == "removed");
    }

    [Theory, BothDatabases]
    public async Task The_hoofdpersoon_cannot_be_removed_and_a_circle_always_keeps_someone_to_manage_it(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (jan, janId) = await app.PersonAsync("Jan Bakker", "resident");
        var circleId = await jan.CreateCircleAsync(forMyself: true);
        var (carla, carlaId) = await app.PersonAsync("Carla Dochter");
        await jan.JoinAsync(circleId, carla, role: "coordinator");

        Assert.Contains("niet uit de eigen cirkel", await DetailAsync(await carla.DeleteAsync($"/api/v1/circles/{circleId}/members/{janId}")));
        Assert.Contains("kan die niet verlaten", await DetailAsync(await jan.PostAsync($"/api/v1/circles/{circleId}/leave", null)));
        var demote = await carla.PutAsJsonAsync($"/api/v1/circles/{circleId}/members/{janId}/role", new { role = "member" });
        Assert.Contains("blijft altijd hoofdpersoon", await DetailAsync(demote));

        // Without a hoofdpersoon, the last coördinator stays until someone else can manage.
        var (mo, _) = await app.PersonAsync("Mo Zoon");
        var carlasOwn = await carla.CreateCircleAsync("Oom Kees");
        await carla.JoinAsync(carlasOwn, mo);
        Assert.Contains("enige die deze cirkel beheert", await DetailAsync(await carla.PostAsync($"/api/v1/circles/{carlasOwn}/leave", null)));
        var promote = await carla.PutAsJsonAsync($"/api/v1/circles/{carlasOwn}/members/{(await MemberIdAsync(carla, carlasOwn, "Mo Zoon"))}/role", new { role = "coordinator" });
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await carla.PostAsync($"/api/v1/circles/{carlasOwn}/leave", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mo.GetAsync($"/api/v1/circles/{carlasOwn}/members")).StatusCode);
        _ = carlaId;
    }

    [Theory, BothDatabases]
    public async Task A_plain_member_cannot_invite_remove_or_change_roles(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();

        var invite = await c.Member.PostAsJsonAsync($"/api/v1/circles/{c.CircleId}/invitations", new { role = "member" });
        var remove = await c.Member.DeleteAsync($"/api/v1/circles/{c.CircleId}/members/{c.CoordinatorId}");
        var promote = await c.Member.PutAsJsonAsync($"/api/v1/circles/{c.CircleId}/members/{c.MemberId}/role", new { role = "coordinator" });
        var rename = await c.Member.PutAsJsonAsync($"/api/v1/circles/{c.CircleId}", new { name = "Mijn cirkel" });

        foreach (var response in new[] { invite, remove, promote, rename }) await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        var members = await c.Coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/members");
        Assert.Equal(2, members.GetArrayLength());
        Assert.Equal("coordinator", members.EnumerateArray().Single(m => m.GetProperty("userId").GetString() == c.CoordinatorId).GetProperty("role").GetString());
    }

    [Theory, BothDatabases]
    public async Task Bad_circle_and_invitation_input_gets_messages_per_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (carla, _) = await app.PersonAsync("Carla Coördinator");

        var noName = await carla.PostAsJsonAsync("/api/v1/circles", new { forMyself = false, residentName = "  " });
        Assert.Equal(["Vul dit in."], await ProblemAssert.FieldErrorsAsync(noName, "residentName"));
        var longName = await carla.PostAsJsonAsync("/api/v1/circles", new { forMyself = false, residentName = "Jan", name = new string('x', 81) });
        Assert.Equal(["Dit is te lang: maximaal 80 tekens, het zijn er nu 81."], await ProblemAssert.FieldErrorsAsync(longName, "name"));
        Assert.Empty(await carla.GetFromJsonAsync<JsonElement[]>("/api/v1/circles") ?? []);

        var circleId = await carla.CreateCircleAsync();
        var bad = await carla.PostAsJsonAsync($"/api/v1/circles/{circleId}/invitations", new { role = "member", validDays = 0, maxUses = 51 });
        Assert.Equal(["Kies een geldigheid van 1 tot 30 dagen."], await ProblemAssert.FieldErrorsAsync(bad, "validDays"));
        Assert.Equal(["Kies 1 tot 50 keer te gebruiken."], await ProblemAssert.FieldErrorsAsync(bad, "maxUses"));
        // Only the resident's takeover invitation, made with the circle.
        var invitations = await carla.GetFromJsonAsync<JsonElement[]>($"/api/v1/circles/{circleId}/invitations") ?? [];
        Assert.Equal(["resident"], invitations.Select(i => i.GetProperty("role").GetString()!).ToArray());

        var english = app.CreateApiClient("en");
        english.DefaultRequestHeaders.Authorization = carla.DefaultRequestHeaders.Authorization;
        var inEnglish = await english.PostAsJsonAsync("/api/v1/circles", new { forMyself = false });
        Assert.Equal(["Please fill this in."], await ProblemAssert.FieldErrorsAsync(inEnglish, "residentName"));
    }

    [Theory, BothDatabases]
    public async Task Guessing_invitation_codes_is_stopped_after_a_few_tries(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, new() { ["RateLimits:InvitationLookupsPerQuarterHour"] = "3" });
        var (guesser, _) = await app.PersonAsync("Gerrit Gokker");

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await guesser.GetAsync($"/api/v1/invitations/AAAA-AAA{i + 3}")).StatusCode);
        var blocked = await guesser.GetAsync("/api/v1/invitations/AAAA-AAA7");

        await ProblemAssert.IsProblemAsync(blocked, HttpStatusCode.TooManyRequests);
        Assert.NotNull(blocked.Headers.RetryAfter);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound, $"{response.StatusCode}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("detail").GetString()!;
    }

    private static async Task<string> MemberIdAsync(HttpClient client, Guid circleId, string name) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{circleId}/members")).EnumerateArray()
            .Single(m => m.GetProperty("displayName").GetString() == name).GetProperty("userId").GetString()!;
}
