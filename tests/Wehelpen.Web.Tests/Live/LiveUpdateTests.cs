using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Agenda;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Matching;
using Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Tests.Notes;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Live;

/// <summary>Open pages hear what changed: the circle's agenda, logbook, notes, requests and members; a volunteer's list.</summary>
public sealed class LiveUpdateTests
{
    [Theory, BothDatabases]
    public async Task Every_change_in_a_circle_reaches_its_members_and_no_one_else(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var mo = await app.ConnectAsync("Mo Lid");
        await using var stan = await app.ConnectAsync("Stan Vreemde");

        await c.Coordinator.PostAsJsonAsync($"/api/v1/circles/{c.CircleId}/logbook", new { text = "Goed geslapen." });
        await Heard(mo, c.CircleId, "logbook");
        await c.Coordinator.PlannedIdAsync(c.CircleId, new { title = "Cardioloog", date = "2026-12-15", startTime = "10:00", endTime = "11:00" });
        await Heard(mo, c.CircleId, "agenda");
        await c.Coordinator.CreateNoteAsync(c.CircleId);
        await Heard(mo, c.CircleId, "notes");
        await c.Coordinator.PostedIdAsync(c.CircleId, LiveSteps.Upcoming(RequestSteps.Shopping("circle")));
        await Heard(mo, c.CircleId, "requests");
        await c.Coordinator.JoinAsync(c.CircleId, (await app.PersonAsync("Nel Nieuw")).Client);
        await Heard(mo, c.CircleId, "members");

        // After Stan's own circle changes, anything of Carla's would have reached him already.
        await c.Stranger.PostAsJsonAsync($"/api/v1/circles/{c.OtherCircleId}/logbook", new { text = "Bij Truus" });
        await Heard(stan, c.OtherCircleId, "logbook");
        Assert.All(stan.Received(LiveEvents.Changed), e => Assert.Equal(c.OtherCircleId, e[0].GetProperty("circleId").GetGuid()));
    }

    [Theory, BothDatabases]
    public async Task A_neighbourhood_request_reaches_the_lists_of_volunteers_nearby_and_leaves_them_when_taken(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await app.VolunteerAsync("Vera Buurvrouw", "1055 KL");
        await app.VolunteerAsync("Piet Om De Hoek", "1055 KM");
        await app.VolunteerAsync("Gerrit Groningen", "9711 AB");
        await using var vera = await app.ConnectAsync("Vera Buurvrouw");
        await using var piet = await app.ConnectAsync("Piet Om De Hoek");
        await using var gerrit = await app.ConnectAsync("Gerrit Groningen");

        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        await NearbyChanged(vera, requestId);
        await NearbyChanged(piet, requestId);
        Assert.Contains(requestId, (await app.NearbyOfAsync("Piet Om De Hoek")).Ids());

        await vera.InvokeAsync("ClaimRequest", [requestId]);
        await NearbyChanged(piet, requestId);
        Assert.DoesNotContain(requestId, (await app.NearbyOfAsync("Piet Om De Hoek")).Ids());

        // A request in Groningen does reach Gerrit: after it, the one in Amsterdam would have too.
        var groningen = RequestSteps.Shopping();
        groningen["postcode"] = "9711 AB";
        var near = await c.Stranger.PostedIdAsync(c.OtherCircleId, groningen);
        await NearbyChanged(gerrit, near);
        Assert.DoesNotContain(gerrit.Received(LiveEvents.Changed), e => e[0].GetProperty("requestId").GetString() == requestId.ToString());
    }

    [Theory, BothDatabases]
    public async Task An_escalated_request_reaches_the_buurtteam_of_its_gebied_live_and_not_that_of_another(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        await app.ProfessionalAsync("Noor Noord", "oud-noord");
        await using var petra = await app.ConnectAsync("Petra West");
        await using var noor = await app.ConnectAsync("Noor Noord");
        async Task<Guid> EscalatedAsync(string postcode)
        {
            var request = RequestSteps.Shopping();
            request["postcode"] = postcode;
            request["date"] = "2026-11-30";
            // Bearer tokens live an hour on the moved clock; the hub connections stay open.
            var carla = await app.LoginAsync(CircleSteps.EmailOf("Carla Coördinator"));
            var id = await carla.PostedIdAsync(c.CircleId, request);
            clock.Advance(TimeSpan.FromHours(25));
            await app.SweepAsync();
            return id;
        }

        var west = await EscalatedAsync("1055 KL");
        await NearbyChanged(petra, west);
        // Noord's own escalation reaches Noor: after it, West's would have too.
        var noord = await EscalatedAsync("1021 AB");
        await NearbyChanged(noor, noord);
        Assert.DoesNotContain(noor.Received(LiveEvents.Changed), e => e[0].GetProperty("requestId").GetString() == west.ToString());
        Assert.DoesNotContain(petra.Received(LiveEvents.Changed), e => e[0].GetProperty("requestId").GetString() == noord.ToString());
    }

    [Theory, BothDatabases]
    public async Task Matched_volunteers_are_alerted_live_and_of_two_who_claim_at_once_one_gets_it(DatabaseProvider provider)
    {
        var (app, _) = await MatchingSteps.StartAsync(provider, waveSize: 2);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await app.VolunteerAsync("Bas Buur", "1056 AB");
        await app.VolunteerAsync("Cor Dichtbij", "1061 AB");
        using (var corBrowser = await app.BrowserAsync("Cor Dichtbij"))
            await PageForms.PostAsync(corBrowser, "/language", [new("language", "en"), new("returnUrl", "/")], formPage: "/");
        await using var bas = await app.ConnectAsync("Bas Buur");
        await using var cor = await app.ConnectAsync("Cor Dichtbij");
        // No sweep: a request posted to the neighbourhood asks its first wave at once.
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);

        var alertForBas = (await bas.NextAsync(RequestEvents.Alert))[0];
        var alertForCor = (await cor.NextAsync(RequestEvents.Alert))[0];
        var claims = await Task.WhenAll(Claim(bas, requestId), Claim(cor, requestId));

        Assert.Equal(requestId, alertForBas.GetProperty("request").GetProperty("id").GetGuid());
        Assert.Equal("Boodschappen bij de supermarkt", alertForBas.GetProperty("request").GetProperty("title").GetString());
        Assert.Equal(800, alertForBas.GetProperty("reasons").GetProperty("distanceMetres").GetInt32());
        Assert.Equal(1100, alertForCor.GetProperty("reasons").GetProperty("distanceMetres").GetInt32());
        // The card's words come with the alert, each in the volunteer's own language: the page draws it from the event.
        var card = alertForBas.GetProperty("card");
        Assert.StartsWith("Boodschappen · ", card.GetProperty("what").GetString());
        Assert.StartsWith("Voor ", card.GetProperty("forWhom").GetString());
        Assert.Contains("van uw huis · u helpt met boodschappen", card.GetProperty("because").GetString());
        Assert.StartsWith("Groceries · ", alertForCor.GetProperty("card").GetProperty("what").GetString());
        Assert.Contains("from your home · you help with groceries", alertForCor.GetProperty("card").GetProperty("because").GetString());
        // Outside the circle: no address, no phone, no surname.
        Assert.DoesNotContain(RequestSteps.Address, alertForBas.GetRawText());
        Assert.DoesNotContain(RequestSteps.Phone, alertForBas.GetRawText());
        Assert.Single(claims, r => r is null);
        Assert.Single(claims, r => r == "Iemand anders heeft deze hulpvraag al opgepakt. Dank u wel dat u wilde helpen!");
        var loser = claims[0] is null ? cor : bas;
        var closed = await loser.NextAsync(RequestEvents.AlertClosed);
        Assert.Equal("claimed", closed[0].GetProperty("status").GetString());
    }

    private static async Task<string?> Claim(LiveConnection volunteer, Guid requestId)
    {
        try
        {
            await volunteer.InvokeAsync("ClaimRequest", [requestId]);
            return null;
        }
        catch (HubException refused)
        {
            return LiveConnection.Refusal(refused);
        }
    }

    private static Task Heard(LiveConnection client, Guid circleId, string area) =>
        client.NextAsync(LiveEvents.Changed, e => e[0].GetProperty("circleId").GetString() == circleId.ToString()
            && e[0].GetProperty("areas").EnumerateArray().Any(a => a.GetString() == area));

    private static Task NearbyChanged(LiveConnection client, Guid requestId) =>
        client.NextAsync(LiveEvents.Changed, e => e[0].GetProperty("requestId").GetString() == requestId.ToString()
            && e[0].GetProperty("areas").EnumerateArray().Any(a => a.GetString() == "nearby"));
}
