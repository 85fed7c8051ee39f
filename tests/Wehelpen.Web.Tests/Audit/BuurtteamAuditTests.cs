using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Platform.Audit;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Tests.Neighbourhoods.SocialMap;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Audit;

/// <summary>
/// What a professional does with the buurtteam's powers (on requests outside their circles, as klanthouder) is on the
/// audit log; what anyone may do (a volunteer taking on a request nearby) is not, and neither is what was refused.
/// </summary>
public sealed class BuurtteamAuditTests
{
    private const string Address = "198.51.100.23";

    [Theory, BothDatabases]
    public async Task Writing_to_the_circle_referring_taking_on_and_klanthouder_answers_each_write_one_entry(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (_, petraId) = await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        await app.ProfessionalAsync("Noor Noord", "noord-oost");
        await app.VolunteerAsync("Vera Vrijwilliger");
        var requestId = await app.EscalatedRequestAsync(clock, c);
        // The clock moved days: everyone signs in again.
        var petra = (await app.LoginAsync(CircleSteps.EmailOf("Petra West"))).From(Address);
        var noor = await app.LoginAsync(CircleSteps.EmailOf("Noor Noord"));
        var vera = await app.LoginAsync(CircleSteps.EmailOf("Vera Vrijwilliger"));
        var carla = await app.LoginAsync(CircleSteps.EmailOf("Carla Coördinator"));

        // Writing to the circle, and referring: a refused message or organisation writes nothing.
        var contact = $"/api/v1/buurtteam/requests/{requestId}/contact-circle";
        Assert.Equal(HttpStatusCode.BadRequest, (await petra.PostAsJsonAsync(contact, new { message = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await noor.PostAsJsonAsync(contact, new { message = "Hallo" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await petra.PostAsJsonAsync(contact, new { message = "Zal ik woensdag langskomen?" })).StatusCode);
        var referrals = $"/api/v1/requests/{requestId}/referrals";
        Assert.Equal(HttpStatusCode.BadRequest, (await petra.PostAsJsonAsync(referrals, new { organisationId = Guid.NewGuid() })).StatusCode);
        var combiwel = await petra.OrganisationIdAsync("west", "Combiwel");
        Assert.Equal(HttpStatusCode.Created, (await petra.PostAsJsonAsync(referrals, new { organisationId = combiwel, note = "Combiwel belt u." })).StatusCode);

        // Taking it on: only the gebied's professional may, by the buurtteam's power.
        Assert.Equal(HttpStatusCode.NotFound, (await noor.ActAsync(requestId, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await petra.ActAsync(requestId, "claim")).StatusCode);
        var onRequest = await app.NewEntriesAsync(0, AuditActions.BuurtteamContact, AuditActions.RequestRefer, AuditActions.RequestTakeOn);
        Assert.All(onRequest, e => Assert.Equal((petraId, AuditTargets.HelpRequest, requestId.ToString(), Address, (string?)null),
            (e.ActorId, e.TargetKind, e.TargetId, e.ClientAddress, e.SubjectId)));

        // A volunteer taking on a request nearby uses no power: nothing on the log.
        var nearby = await carla.PostedIdAsync(c.CircleId, SocialMapSteps.NextWeek());
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(nearby, "claim")).StatusCode);
        Assert.Equal(3, (await app.AuditEntriesAsync()).Count);

        // Klanthouder: accepted, stepped down, invited again and declined; answering twice writes nothing.
        var caseHolder = $"/api/v1/circles/{c.CircleId}/case-holder";
        async Task<Guid> InviteAsync()
        {
            var invited = await carla.PostAsJsonAsync(caseHolder, new { professionalId = petraId, consent = true });
            Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
            return (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationId").GetGuid();
        }
        var first = await InviteAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await petra.PostAsync($"/api/v1/buurtteam/case-holder-invitations/{first}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await petra.PostAsync($"/api/v1/buurtteam/case-holder-invitations/{first}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await petra.DeleteAsync($"/api/v1/buurtteam/case-holder/{c.CircleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await petra.DeleteAsync($"/api/v1/buurtteam/case-holder/{c.CircleId}")).StatusCode);
        var second = await InviteAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await petra.PostAsync($"/api/v1/buurtteam/case-holder-invitations/{second}/decline", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await petra.PostAsync($"/api/v1/buurtteam/case-holder-invitations/{second}/decline", null)).StatusCode);
        var klanthouder = await app.NewEntriesAsync(3, AuditActions.CaseHolderAccept, AuditActions.CaseHolderStepDown, AuditActions.CaseHolderDecline);
        Assert.All(klanthouder, e => Assert.Equal((petraId, AuditTargets.Circle, c.CircleId.ToString(), Address, clock.GetUtcNow()),
            (e.ActorId, e.TargetKind, e.TargetId, e.ClientAddress, e.At)));
    }
}
