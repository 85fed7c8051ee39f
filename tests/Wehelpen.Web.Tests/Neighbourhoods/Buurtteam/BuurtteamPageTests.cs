using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;

/// <summary>The buurtteam's pages: the queue of its gebied with referrals, writing to the circle, the circle's gebied.</summary>
public sealed class BuurtteamPageTests
{
    [Theory, BothDatabases]
    public async Task The_queue_says_where_a_request_was_referred_and_the_professional_writes_to_the_circle_from_a_page(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (petraApi, _) = await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        await app.ProfessionalAsync("Noor Noord", "noord-oost");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        await app.EscalateAsync(requestId, clock.GetUtcNow());
        var petra = await app.BrowserAsync("Petra West", followRedirects: true);
        var noor = await app.BrowserAsync("Noor Noord", followRedirects: true);

        var organisations = await petraApi.GetFromJsonAsync<JsonElement>("/api/v1/social-map/organisations?stadsdeel=west");
        var combiwel = organisations.EnumerateArray().First(o => o.GetProperty("name").GetString() == "Combiwel").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await petraApi.PostAsJsonAsync($"/api/v1/requests/{requestId}/referrals", new { organisationId = combiwel })).StatusCode);
        var queue = await petra.GetStringAsync("/help/escalated");
        Assert.Contains("Doorverwezen naar Combiwel", queue);
        Assert.Contains("Bos en Lommer", queue);

        Assert.Equal(HttpStatusCode.NotFound, (await noor.GetAsync($"/help/requests/{requestId}/contact-circle")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await petra.GetAsync($"/help/requests/{Guid.NewGuid()}/contact-circle")).StatusCode);
        var form = await petra.GetStringAsync($"/help/requests/{requestId}/contact-circle");
        Assert.Contains("Contact opnemen over", form);
        var empty = await PageForms.PostAsync(petra, $"/help/requests/{requestId}/contact-circle", [new("Input.Message", "")]);
        Assert.Contains("Vul dit in.", await empty.Content.ReadAsStringAsync());
        var sent = await PageForms.PostAsync(petra, $"/help/requests/{requestId}/contact-circle", [new("Input.Message", "Ik bel u morgen.")]);
        Assert.Contains("Uw bericht is verstuurd.", await sent.Content.ReadAsStringAsync());
        Assert.Contains("Ik bel u morgen.", await c.Coordinator.GetStringAsync("/api/v1/notifications"));

        var coordinator = await app.BrowserAsync("Carla Coördinator", followRedirects: true);
        Assert.Contains("Gebied Bos en Lommer, stadsdeel West", await coordinator.GetStringAsync($"/circles/{c.CircleId}"));
    }
}
