using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Circles.Consent;
using Wehelpen.Web.Features.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Privacy;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;

/// <summary>
/// The hoofdpersoon's consent to a klanthouder: recorded with the invitation (who, when, which text), shown on the
/// klanthouder page, and withdrawn by the circle's managers, which ends the klanthouderschap in the same save.
/// </summary>
public sealed class CaseHolderConsentTests
{
    private const string Recorded = "Vastgelegd door Carla Coördinator op 23 november 2026, tekst versie klanthouder-2026-12.";

    [Theory, BothDatabases]
    public async Task The_consent_is_recorded_with_the_invitation_and_shown_with_its_text(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (_, petraId) = await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        var caseHolder = $"/api/v1/circles/{c.CircleId}/case-holder";

        // Without the box ticked: neither the invitation nor a consent.
        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(await c.Coordinator.PostAsJsonAsync(caseHolder, new { professionalId = petraId }), "consent"));
        Assert.Empty(await app.QueryAsync(db => db.Set<ConsentRecord>().ToListAsync()));

        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.PostAsJsonAsync(caseHolder, new { professionalId = petraId, consent = true })).StatusCode);
        var record = await app.QueryAsync(db => db.Set<ConsentRecord>().SingleAsync());
        var invitation = await app.QueryAsync(db => db.Set<CaseHolderInvitation>().SingleAsync());
        Assert.Equal((c.CircleId, ConsentKind.CaseHolder, petraId, c.CoordinatorId, "klanthouder-2026-12"),
            (record.CircleId, record.Kind, record.SubjectUserId, record.RecordedById, record.TextVersion));
        Assert.Equal(RequestSteps.Now, record.GivenAt);
        Assert.Equal(invitation.InvitedAt, record.GivenAt);
        Assert.Null(record.WithdrawnAt);

        // The API: with the invitation, and in the circle's list, for every member.
        var consent = (await c.Member.GetFromJsonAsync<JsonElement>(caseHolder)).GetProperty("consent");
        Assert.Equal("Carla Coördinator", consent.GetProperty("recordedByName").GetString());
        Assert.Equal("klanthouder-2026-12", consent.GetProperty("textVersion").GetString());
        Assert.StartsWith("De hoofdpersoon weet dat deze professional van het buurtteam klanthouder", consent.GetProperty("text").GetString());
        var list = await c.Member.GetFromJsonAsync<JsonElement[]>($"/api/v1/circles/{c.CircleId}/consents");
        Assert.Equal([record.Id], list!.Select(l => l.GetProperty("id").GetGuid()));
        Assert.Equal("caseHolder", list![0].GetProperty("kind").GetString());
        Assert.Equal("Petra West", list[0].GetProperty("subjectName").GetString());

        // The page: the consent in force with its text; the form to withdraw it for managers only.
        var member = await app.BrowserAsync("Mo Lid", followRedirects: true);
        var coordinator = await app.BrowserAsync("Carla Coördinator", followRedirects: true);
        var seen = await member.PageAsync($"/circles/{c.CircleId}/klanthouder");
        Assert.Contains("Toestemming van de hoofdpersoon", seen);
        Assert.Contains(Recorded, seen);
        Assert.Contains("ziet alles in de cirkel zoals een coördinator", seen);
        Assert.DoesNotContain("Toestemming intrekken", seen);
        Assert.Contains("Toestemming intrekken", await coordinator.PageAsync($"/circles/{c.CircleId}/klanthouder"));
    }

    [Theory, BothDatabases]
    public async Task Withdrawing_the_consent_ends_the_klanthouderschap_at_once(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (petra, petraId) = await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        var consentId = await AcceptedAsync(c, petra, petraId);
        var withdraw = $"/api/v1/circles/{c.CircleId}/consents/{consentId}/withdraw";

        // Only the circle's managers, and only their own circle's consents; nothing changes for the others' tries.
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Member.PostAsync(withdraw, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await petra.PostAsync(withdraw, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Anonymous.PostAsync(withdraw, null)).StatusCode);
        var existing = await c.Stranger.PostAsync(withdraw, null);
        var madeUp = await c.Stranger.PostAsync($"/api/v1/circles/{Guid.NewGuid()}/consents/{consentId}/withdraw", null);
        await ProblemAssert.IsProblemAsync(existing, HttpStatusCode.Forbidden);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(existing));
        var foreign = await c.Stranger.PostAsync($"/api/v1/circles/{c.OtherCircleId}/consents/{consentId}/withdraw", null);
        var unknown = await c.Stranger.PostAsync($"/api/v1/circles/{c.OtherCircleId}/consents/{Guid.NewGuid()}/withdraw", null);
        await ProblemAssert.IsProblemAsync(foreign, HttpStatusCode.NotFound);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(unknown), await ProblemAssert.ComparableBodyAsync(foreign));
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Stranger.GetAsync($"/api/v1/circles/{c.CircleId}/consents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Anonymous.GetAsync($"/api/v1/circles/{c.CircleId}/consents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await petra.GetAsync($"/api/v1/circles/{c.CircleId}/logbook")).StatusCode);
        Assert.Null((await app.QueryAsync(db => db.Set<ConsentRecord>().SingleAsync())).WithdrawnAt);

        clock.Advance(TimeSpan.FromMinutes(40)); // within the hour a bearer token lives
        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.PostAsync(withdraw, null)).StatusCode);

        // Withdrawn, and with it the klanthouderschap: the membership, the invitation, and Petra hears of it.
        var record = await app.QueryAsync(db => db.Set<ConsentRecord>().SingleAsync());
        Assert.Equal((clock.Now, c.CoordinatorId), (record.WithdrawnAt!.Value, record.WithdrawnById));
        var invitation = await app.QueryAsync(db => db.Set<CaseHolderInvitation>().SingleAsync());
        Assert.Equal((clock.Now, c.CoordinatorId), (invitation.EndedAt!.Value, invitation.EndedById));
        Assert.False(await app.QueryAsync(db => db.Set<CircleMember>().AnyAsync(m => m.UserId == petraId)));
        Assert.Equal(HttpStatusCode.Forbidden, (await petra.GetAsync($"/api/v1/circles/{c.CircleId}/logbook")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.GetAsync($"/api/v1/circles/{c.CircleId}/case-holder")).StatusCode);
        Assert.Contains("beëindigd", await petra.GetStringAsync("/api/v1/notifications"));
        var history = await c.Coordinator.GetFromJsonAsync<JsonElement[]>($"/api/v1/circles/{c.CircleId}/history");
        Assert.Contains(history!, e => e.GetProperty("change").GetString() == "removed" && e.GetProperty("subjectName").GetString() == "Petra West");

        // Again: already done. The page keeps the record of who withdrew it.
        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.PostAsync(withdraw, null)).StatusCode);
        var page = await (await app.BrowserAsync("Mo Lid", followRedirects: true)).PageAsync($"/circles/{c.CircleId}/klanthouder");
        Assert.Contains(Recorded, page);
        Assert.Contains("Ingetrokken door Carla Coördinator op 23 november 2026.", page);
    }

    [Theory, BothDatabases]
    public async Task Withdrawing_on_the_page_cancels_an_invitation_not_yet_answered(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (petra, petraId) = await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        var invited = await c.Coordinator.PostAsJsonAsync($"/api/v1/circles/{c.CircleId}/case-holder", new { professionalId = petraId, consent = true });
        var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitationId").GetGuid();
        var consentId = await app.QueryAsync(db => db.Set<ConsentRecord>().Select(r => r.Id).SingleAsync());
        var path = $"/circles/{c.CircleId}/klanthouder";

        // A member's post is refused like the API's, and changes nothing.
        var member = await app.BrowserAsync("Mo Lid", followRedirects: true);
        var refused = await PageForms.PostAsync(member, $"{path}?handler=WithdrawConsent", [new("consentId", consentId.ToString())], formPage: path);
        Assert.Contains("Alleen de hoofdpersoon en coördinatoren kunnen een toestemming intrekken.", await refused.PageAsync());
        Assert.Null((await app.QueryAsync(db => db.Set<ConsentRecord>().SingleAsync())).WithdrawnAt);

        var coordinator = await app.BrowserAsync("Carla Coördinator", followRedirects: true);
        var done = await PageForms.PostAsync(coordinator, $"{path}?handler=WithdrawConsent", [new("consentId", consentId.ToString())]);
        var page = await done.PageAsync();
        Assert.Contains("De toestemming is ingetrokken.", page);
        Assert.Contains("Ingetrokken door Carla Coördinator op 23 november 2026.", page);
        Assert.Contains("Een klanthouder vragen", page);
        Assert.NotNull((await app.QueryAsync(db => db.Set<CaseHolderInvitation>().SingleAsync())).EndedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await petra.PostAsync($"/api/v1/buurtteam/case-holder-invitations/{invitationId}/accept", null)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_new_invitation_records_a_new_consent_and_the_ended_one_is_no_longer_in_force(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (petra, petraId) = await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        var first = await AcceptedAsync(c, petra, petraId);
        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.DeleteAsync($"/api/v1/circles/{c.CircleId}/case-holder")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(10));
        var second = await AcceptedAsync(c, petra, petraId);

        var current = (await c.Coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/case-holder")).GetProperty("consent");
        Assert.Equal(second, current.GetProperty("id").GetGuid());
        var page = await (await app.BrowserAsync("Carla Coördinator", followRedirects: true)).PageAsync($"/circles/{c.CircleId}/klanthouder");
        Assert.Contains("Van kracht.", page);
        Assert.Contains("Niet meer van toepassing", page);

        // Withdrawing the current one leaves no consent to Petra standing in this circle.
        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.PostAsync($"/api/v1/circles/{c.CircleId}/consents/{second}/withdraw", null)).StatusCode);
        Assert.All(await app.QueryAsync(db => db.Set<ConsentRecord>().ToListAsync()), r => Assert.NotNull(r.WithdrawnAt));
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Forbidden, (await petra.GetAsync($"/api/v1/circles/{c.CircleId}/logbook")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task An_erased_persons_part_becomes_the_former_members_and_an_erased_circle_takes_its_consents(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (petra, petraId) = await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        var consentId = await AcceptedAsync(c, petra, petraId);
        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.PostAsync($"/api/v1/circles/{c.CircleId}/consents/{consentId}/withdraw", null)).StatusCode);
        // Another circle's consent, which erasing the first circle leaves alone.
        Assert.Equal(HttpStatusCode.OK, (await c.Stranger.PostAsJsonAsync($"/api/v1/circles/{c.OtherCircleId}/case-holder", new { professionalId = petraId, consent = true })).StatusCode);

        var carla = await PersonalDataPartSteps.ExportAsync(app, "consents", c.CoordinatorId);
        var petras = await PersonalDataPartSteps.ExportAsync(app, "consents", petraId);
        Assert.Equal([(true, true, false)], carla.Select(r => (r.GetProperty("RecordedByYou").GetBoolean(), r.GetProperty("WithdrawnByYou").GetBoolean(), r.GetProperty("AboutYou").GetBoolean())));
        Assert.Equal(2, petras.Count);
        Assert.All(petras, r => Assert.True(r.GetProperty("AboutYou").GetBoolean()));
        Assert.Equal("klanthouder-2026-12", carla[0].GetProperty("TextVersion").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.EraseAccountAsync(WehelpenApplication.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await petra.EraseAccountAsync(WehelpenApplication.Password)).StatusCode);
        var record = await app.QueryAsync(db => db.Set<ConsentRecord>().SingleAsync(r => r.Id == consentId));
        Assert.Equal(("former-member", "former-member", "former-member"), (record.RecordedById, record.WithdrawnById!, record.SubjectUserId!));
        var page = await (await app.BrowserAsync("Mo Lid", followRedirects: true)).PageAsync($"/circles/{c.CircleId}/klanthouder");
        Assert.Contains("Vastgelegd door Voormalig lid op 23 november 2026", page);
        Assert.Contains("Ingetrokken door Voormalig lid op 23 november 2026.", page);

        await PersonalDataPartSteps.EraseCircleAsync(app, "ConsentRecords", c.CircleId, clock.Now);
        Assert.Equal([c.OtherCircleId], await app.QueryAsync(db => db.Set<ConsentRecord>().Select(r => r.CircleId).ToListAsync()));
    }

    [Fact]
    public void Every_version_of_a_consent_text_is_there_in_Dutch_and_English()
    {
        foreach (var language in new[] { "nl", "en" })
        {
            var keys = System.Xml.Linq.XDocument.Load(Path.Combine(Localization.InterfaceTextTests.RepositoryRoot(), "src", "Wehelpen.Web", "Resources", $"SharedResource.{language}.resx"))
                .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
            Assert.All(ConsentTexts.All, v => Assert.Contains(ConsentTexts.Key(v), keys));
            Assert.All(Enum.GetValues<ConsentKind>(), k => Assert.Contains(ConsentTexts.Current(k), ConsentTexts.All));
            Assert.All(Enum.GetValues<Web.Features.Requests.AddressViewerRole>(), r => Assert.Contains($"AddressViews.Role.{r}", keys));
        }
    }

    /// <summary>Petra invited with consent and accepted; returns the consent's id.</summary>
    internal static async Task<Guid> AcceptedAsync(TwoCircles c, HttpClient petra, string petraId)
    {
        var invited = await c.Coordinator.PostAsJsonAsync($"/api/v1/circles/{c.CircleId}/case-holder", new { professionalId = petraId, consent = true });
        var body = await invited.Content.ReadFromJsonAsync<JsonElement>();
        var invitationId = body.GetProperty("invitationId").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await petra.PostAsync($"/api/v1/buurtteam/case-holder-invitations/{invitationId}/accept", null)).StatusCode);
        return body.GetProperty("consent").GetProperty("id").GetGuid();
    }
}
