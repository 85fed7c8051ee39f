using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Neighbourhoods.SocialMap;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Tests.Offers;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Neighbourhoods.SocialMap;

/// <summary>The buurtteam refers an escalated request to an organisation; the circle sees where to, and how to reach them.</summary>
public sealed class ReferralTests
{
    private static string Referrals(Guid requestId) => $"/api/v1/requests/{requestId}/referrals";

    [Theory, BothDatabases]
    public async Task A_professional_of_the_gebied_refers_and_the_circle_sees_where_to_and_how_to_reach_them(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await app.ProfessionalAsync("Paula Professional", "bos-en-lommer");
        var requestId = await app.EscalatedRequestAsync(clock, c);
        await app.PersonAsync("Ada Beheer");
        var admin = await app.AdministratorAsync("Ada Beheer");
        var combiwel = await admin.OrganisationIdAsync("west", "Combiwel");
        var details = SocialMapSteps.Buurthuis("west");
        (details["name"], details["kind"], details["isAllianceLead"], details["whatTheyDo"], details["version"]) =
            ("Combiwel", "alliancePartner", true, "Trekker van de wijkzorgalliantie West.", 0);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{SocialMapSteps.Organisations}/{combiwel}", details)).StatusCode);

        // The form lists West's organisations first, and refers.
        var browser = await app.BrowserAsync("Paula Professional");
        var form = await browser.PageAsync($"/help/requests/{requestId}/refer");
        Assert.True(form.IndexOf("Combiwel", StringComparison.Ordinal) < form.IndexOf("Doras", StringComparison.Ordinal));
        var posted = await PageForms.PostAsync(browser, $"/help/requests/{requestId}/refer",
            [new("Input.OrganisationId", combiwel.ToString()), new("Input.Note", "Combiwel belt u deze week.")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("De hulpvraag is doorverwezen naar Combiwel.", await browser.PageAsync(posted.Headers.Location!.OriginalString));

        var referral = await app.QueryAsync(db => db.Set<Referral>().SingleAsync());
        Assert.Equal((requestId, combiwel, "Combiwel", "Combiwel belt u deze week."), (referral.RequestId, referral.OrganisationId, referral.OrganisationName, referral.Note));
        var carer = await app.LoginAsync(CircleSteps.EmailOf("Carla Coördinator"));
        var request = await carer.DetailsAsync(requestId);
        Assert.Equal("open", request.Status());
        Assert.Contains(request.GetProperty("history").EnumerateArray(), e => e.GetProperty("change").GetString() == "referred" && e.GetProperty("actorName").GetString() == "Paula Professional");
        Assert.Contains(await carer.LogbookAsync(c.CircleId), t => t.StartsWith("Paula Professional heeft ‘Boodschappen bij de supermarkt’ doorverwezen naar Combiwel."));

        // The circle's page names the organisation with its contact details; the API says the same.
        var circlePage = await (await app.BrowserAsync("Mo Lid")).PageAsync($"/circles/{c.CircleId}/requests/{requestId}");
        Assert.Contains("Doorverwezen naar Combiwel", circlePage);
        Assert.Contains("href=\"tel:0201234567\"", circlePage);
        Assert.Contains("Combiwel belt u deze week.", circlePage);
        var member = await app.LoginAsync(CircleSteps.EmailOf("Mo Lid"));
        var listed = await member.GetFromJsonAsync<JsonElement[]>(Referrals(requestId));
        Assert.Equal("020 123 4567", listed![0].GetProperty("organisation").GetProperty("phone").GetString());

        // The coördinator is told in the app; the member is not.
        var notifications = await carer.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Contains(notifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString() == "‘Boodschappen bij de supermarkt’ is doorverwezen naar Combiwel");
        var memberNotifications = await member.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.DoesNotContain(memberNotifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "referred");

        // The buurtteam's list can say "doorverwezen naar Combiwel".
        await using var scope = app.Services.CreateAsyncScope();
        var latest = await scope.ServiceProvider.GetRequiredService<Referrals>().LatestForAsync([requestId, Guid.NewGuid()], CancellationToken.None);
        Assert.Equal("Combiwel", Assert.Single(latest).Value.OrganisationName);

        // Deleting the organisation keeps the history.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{SocialMapSteps.Organisations}/{combiwel}")).StatusCode);
        var after = await member.GetFromJsonAsync<JsonElement[]>(Referrals(requestId));
        Assert.Equal("Combiwel", after![0].GetProperty("organisationName").GetString());
        Assert.Equal(JsonValueKind.Null, after[0].GetProperty("organisation").ValueKind);
    }

    [Theory, BothDatabases]
    public async Task Anyone_but_the_buurtteam_of_the_gebied_gets_the_answer_for_a_request_that_does_not_exist_and_nothing_is_written(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (noord, _) = await app.ProfessionalAsync("Nina Noord", "oud-noord");
        var (volunteer, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        var (unapproved, unapprovedId) = await app.PersonAsync("Ulla Geduld", "professional");
        await app.QueryAsync(async db =>
        {
            db.Add(new Web.Features.Neighbourhoods.Buurtteam.ProfessionalArea { UserId = unapprovedId, AreaCode = "bos-en-lommer", RequestedAt = RequestSteps.Now });
            return await db.SaveChangesAsync();
        });
        var requestId = await app.EscalatedRequestAsync(clock, c);
        var doras = await (await app.LoginAsync(CircleSteps.EmailOf("Mo Lid"))).OrganisationIdAsync("noord", "Doras");
        var body = new { organisationId = doras, note = "Graag contact." };
        // Tokens live an hour on the moved clock.
        var missing = await ProblemAssert.ComparableBodyAsync(await (await app.LoginAsync(CircleSteps.EmailOf("Nina Noord"))).PostAsJsonAsync(Referrals(Guid.NewGuid()), body));

        foreach (var name in new[] { "Nina Noord", "Vera Vrijwilliger", "Ulla Geduld", "Stan Vreemde", "Mo Lid" })
        {
            var client = await app.LoginAsync(CircleSteps.EmailOf(name));
            var refused = await client.PostAsJsonAsync(Referrals(requestId), body);
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.NotFound);
            Assert.Equal(missing, await ProblemAssert.ComparableBodyAsync(refused));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.BrowserAsync("Nina Noord")).GetAsync($"/help/requests/{requestId}/refer")).StatusCode);
        await ProblemAssert.IsProblemAsync(await (await app.LoginAsync(CircleSteps.EmailOf("Stan Vreemde"))).GetAsync(Referrals(requestId)), HttpStatusCode.NotFound);

        Assert.Equal(0, await app.QueryAsync(db => db.Set<Referral>().CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.Set<RequestEvent>().CountAsync(e => e.Change == RequestChange.Referred)));
        Assert.Equal(0, await app.QueryAsync(db => db.Set<Web.Features.Notifications.Notification>().CountAsync(n => n.Kind == Web.Features.Notifications.NotificationKind.Referred)));
    }

    [Theory, BothDatabases]
    public async Task A_request_that_is_not_escalated_or_no_longer_open_cannot_be_referred(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (professional, _) = await app.ProfessionalAsync("Paula Professional", "bos-en-lommer");
        await app.PersonAsync("Ada Beheer");
        var admin = await app.AdministratorAsync("Ada Beheer");
        var combiwel = await admin.OrganisationIdAsync("west", "Combiwel");
        var fresh = await c.Coordinator.PostedIdAsync(c.CircleId, SocialMapSteps.NextWeek());
        var body = new { organisationId = combiwel };

        await ProblemAssert.IsProblemAsync(await professional.PostAsJsonAsync(Referrals(fresh), body), HttpStatusCode.NotFound);
        var problem = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync(Referrals(fresh), body), HttpStatusCode.Conflict);
        Assert.Contains("niet bij het buurtteam", problem.GetProperty("detail").GetString());

        var escalated = await app.EscalatedRequestAsync(clock, c);
        professional = await app.LoginAsync(CircleSteps.EmailOf("Paula Professional"));
        Assert.Contains("Kies de organisatie", (await ProblemAssert.FieldErrorsAsync(await professional.PostAsJsonAsync(Referrals(escalated), new { note = "x" }), "organisationId"))[0]);
        Assert.Contains("niet (meer) op de sociale kaart", (await ProblemAssert.FieldErrorsAsync(
            await professional.PostAsJsonAsync(Referrals(escalated), new { organisationId = Guid.NewGuid() }), "organisationId"))[0]);
        var carer = await app.LoginAsync(CircleSteps.EmailOf("Carla Coördinator"));
        Assert.Equal(HttpStatusCode.OK, (await carer.ActAsync(escalated, "cancel", new { reason = "Mijn zoon doet het." })).StatusCode);
        problem = await ProblemAssert.IsProblemAsync(await professional.PostAsJsonAsync(Referrals(escalated), body), HttpStatusCode.Conflict);
        Assert.Contains("staat niet meer open", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await app.QueryAsync(db => db.Set<Referral>().CountAsync()));
    }
}
