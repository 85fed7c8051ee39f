using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Live;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;

/// <summary>The klanthouder: invited with the hoofdpersoon's consent, sees the circle while it lasts, and the circle ends it.</summary>
public sealed class CaseHolderTests
{
    [Theory, BothDatabases]
    public async Task A_klanthouder_sees_the_circle_from_acceptance_until_the_circle_ends_it(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await c.Coordinator.PostedIdAsync(c.CircleId); // the circle's gebied: 1055, Bos en Lommer
        var (petra, petraId) = await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        var (noor, noorId) = await app.ProfessionalAsync("Noor Noord", "noord-oost");
        var caseHolder = $"/api/v1/circles/{c.CircleId}/case-holder";

        // Only the gebied's professionals are offered, only managers may ask, and only with the hoofdpersoon's consent.
        var candidates = await c.Coordinator.GetFromJsonAsync<JsonElement>($"{caseHolder}/candidates");
        Assert.Equal([petraId], candidates.EnumerateArray().Select(p => p.GetProperty("userId").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Member.PostAsJsonAsync(caseHolder, new { professionalId = petraId, consent = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Stranger.PostAsJsonAsync(caseHolder, new { professionalId = petraId, consent = true })).StatusCode);
        Assert.Contains("Bevestig dat de hoofdpersoon hiervan weet en ermee instemt.",
            await ProblemAssert.FieldErrorsAsync(await c.Coordinator.PostAsJsonAsync(caseHolder, new { professionalId = petraId }), "consent"));
        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(await c.Coordinator.PostAsJsonAsync(caseHolder, new { professionalId = noorId, consent = true }), "professionalId"));
        Assert.Empty(await app.QueryAsync(db => Task.FromResult(db.Set<Web.Features.Neighbourhoods.Buurtteam.CaseHolderInvitation>().ToList())));

        var invited = await c.Coordinator.PostAsJsonAsync(caseHolder, new { professionalId = petraId, message = "Wilt u meekijken?", consent = true });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await c.Coordinator.PostAsJsonAsync(caseHolder, new { professionalId = petraId, consent = true })).StatusCode);
        var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationId").GetGuid();

        // Not yet accepted: nothing of the circle is Petra's; Noor cannot answer Petra's invitation.
        Assert.Equal(HttpStatusCode.Forbidden, (await petra.GetAsync($"/api/v1/circles/{c.CircleId}/logbook")).StatusCode);
        Assert.Contains("Wilt u meekijken?", await petra.GetStringAsync("/api/v1/notifications"));
        Assert.Equal(HttpStatusCode.NotFound, (await noor.PostAsync($"/api/v1/buurtteam/case-holder-invitations/{invitationId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await petra.PostAsync($"/api/v1/buurtteam/case-holder-invitations/{Guid.NewGuid()}/accept", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await petra.PostAsync($"/api/v1/buurtteam/case-holder-invitations/{invitationId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await petra.GetAsync($"/api/v1/circles/{c.CircleId}/logbook")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await petra.GetAsync($"/api/v1/circles/{c.CircleId}/requests")).StatusCode);
        var members = await c.Member.GetStringAsync($"/api/v1/circles/{c.CircleId}/members");
        Assert.Contains("\"caseHolder\"", members);
        Assert.Contains("Petra West is nu klanthouder", await c.Coordinator.GetStringAsync("/api/v1/notifications"));
        // The klanthouder sees; managing the circle stays with the circle.
        Assert.Equal(HttpStatusCode.Forbidden, (await petra.PostAsJsonAsync(caseHolder, new { professionalId = petraId, consent = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await petra.DeleteAsync($"/api/v1/circles/{c.CircleId}/members/{c.MemberId}")).StatusCode);

        // The circle ends it: access ends with it, and the record of consent stays.
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Member.DeleteAsync(caseHolder)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.DeleteAsync(caseHolder)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await petra.GetAsync($"/api/v1/circles/{c.CircleId}/logbook")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.GetAsync(caseHolder)).StatusCode);
        var record = await app.QueryAsync(db => Task.FromResult(db.Set<Web.Features.Neighbourhoods.Buurtteam.CaseHolderInvitation>().Single()));
        Assert.Equal((c.CoordinatorId, petraId, c.CoordinatorId), (record.InvitedById, record.ProfessionalId, record.EndedById));
        Assert.NotNull(record.AcceptedAt);
        Assert.NotNull(record.EndedAt);
        Assert.Contains("beëindigd", await petra.GetStringAsync("/api/v1/notifications"));
    }

    [Theory, BothDatabases]
    public async Task A_klanthouder_who_steps_down_or_is_removed_as_a_member_loses_access_and_the_record_says_so(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (petra, petraId) = await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        var caseHolder = $"/api/v1/circles/{c.CircleId}/case-holder";
        async Task AcceptedAsync()
        {
            var invited = await c.Coordinator.PostAsJsonAsync(caseHolder, new { professionalId = petraId, consent = true });
            var id = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationId").GetGuid();
            Assert.Equal(HttpStatusCode.NoContent, (await petra.PostAsync($"/api/v1/buurtteam/case-holder-invitations/{id}/accept", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await petra.GetAsync($"/api/v1/circles/{c.CircleId}/logbook")).StatusCode);
        }

        await AcceptedAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await petra.DeleteAsync($"/api/v1/buurtteam/case-holder/{c.CircleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await petra.GetAsync($"/api/v1/circles/{c.CircleId}/logbook")).StatusCode);
        Assert.Contains("Petra West heeft het klanthouderschap beëindigd", await c.Coordinator.GetStringAsync("/api/v1/notifications"));
        Assert.Equal(HttpStatusCode.NotFound, (await petra.DeleteAsync($"/api/v1/buurtteam/case-holder/{c.CircleId}")).StatusCode);

        await AcceptedAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.DeleteAsync($"/api/v1/circles/{c.CircleId}/members/{petraId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await petra.GetAsync($"/api/v1/circles/{c.CircleId}/logbook")).StatusCode);
        var records = await app.QueryAsync(db => Task.FromResult(db.Set<Web.Features.Neighbourhoods.Buurtteam.CaseHolderInvitation>().OrderBy(i => i.InvitedAt).ToList()));
        Assert.Equal([petraId, c.CoordinatorId], records.Select(r => r.EndedById));
        Assert.All(records, r => Assert.NotNull(r.EndedAt));
        // A new invitation can follow an ended one.
        await AcceptedAsync();
    }

    [Theory, BothDatabases]
    public async Task A_klanthouder_reads_the_circles_thread_with_a_helper_like_a_coordinator_until_it_ends(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await app.VolunteerAsync("Vera Buurvrouw", "1055 KL");
        var (petraApi, petraId) = await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        var thread = LiveSteps.Request(requestId);
        await using var vera = await app.ConnectAsync("Vera Buurvrouw");
        await vera.InvokeAsync("ClaimRequest", [requestId]);
        await vera.SendChatAsync(thread, "Ik kom om tien uur.");

        var invited = await c.Coordinator.PostAsJsonAsync($"/api/v1/circles/{c.CircleId}/case-holder", new { professionalId = petraId, consent = true });
        var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationId").GetGuid();
        await using (var before = await app.ConnectAsync("Petra West"))
            Assert.Equal("Dit gesprek bestaat niet, of het is niet voor u.", await before.RefusedAsync("ChatHistory", thread, new { }));
        Assert.Equal(HttpStatusCode.NoContent, (await petraApi.PostAsync($"/api/v1/buurtteam/case-holder-invitations/{invitationId}/accept", null)).StatusCode);

        await using (var petra = await app.ConnectAsync("Petra West"))
            Assert.Equal(["Ik kom om tien uur."], (await petra.HistoryAsync(thread)).Texts());

        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.DeleteAsync($"/api/v1/circles/{c.CircleId}/case-holder")).StatusCode);
        await using (var after = await app.ConnectAsync("Petra West"))
            Assert.Equal("Dit gesprek bestaat niet, of het is niet voor u.", await after.RefusedAsync("ChatHistory", thread, new { }));
    }
}
