using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Offers;

/// <summary>"Vraag deze vrijwilliger": a circle asks the volunteer of an offer, who is not a member.</summary>
public sealed class OfferRequestTests
{
    [Theory, BothDatabases]
    public async Task Asking_through_an_offer_addresses_the_volunteer_who_can_see_and_claim_it(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (volunteer, volunteerId) = await app.NeighbourAsync("Anna Centrum", "1012 AB");
        var offerId = (await volunteer.PublishAsync("shopping", "Boodschappen op dinsdag.")).GetProperty("id").GetGuid();
        var circles = await app.TwoCirclesAsync();

        var asked = await circles.Member.AskAsync(circles.CircleId, offerId);
        Assert.True(asked.StatusCode == HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        var request = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("person", request.GetProperty("summary").GetProperty("audience").GetString());
        Assert.Equal("shopping", request.GetProperty("summary").GetProperty("category").GetString());
        Assert.Equal(volunteerId, request.GetProperty("addressedToId").GetString());
        var requestId = request.GetProperty("summary").GetProperty("id").GetGuid();

        var seen = await volunteer.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{requestId}");
        Assert.Equal("Boodschappen voor Jan", seen.GetProperty("summary").GetProperty("title").GetString());
        Assert.True(seen.GetProperty("actions").GetProperty("claim").GetBoolean());
        var claimed = await volunteer.PostAsync($"/api/v1/requests/{requestId}/claim", null);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal("claimed", (await claimed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("status").GetString());

        // Someone else, even a volunteer nearby, does not see a request meant for one person.
        var (other, _) = await app.NeighbourAsync("Cor Buur", "1012 AB");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/requests/{requestId}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_chosen_category_wins_over_the_offers(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (volunteer, _) = await app.NeighbourAsync("Anna Centrum", "1012 AB");
        var offerId = (await volunteer.PublishAsync("shopping", "Boodschappen en een praatje.")).GetProperty("id").GetGuid();
        var circles = await app.TwoCirclesAsync();

        var asked = await circles.Coordinator.AskAsync(circles.CircleId, offerId, category: "company", title: "Een praatje");

        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        Assert.Equal("company", (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("category").GetString());
    }

    [Theory, BothDatabases]
    public async Task An_offer_that_is_withdrawn_blocked_or_ones_own_cannot_be_asked_and_nothing_is_posted(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (withdrawn, _) = await app.NeighbourAsync("Wim Weg", "1012 AB");
        var withdrawnOffer = (await withdrawn.PublishAsync("shopping", "Boodschappen.")).GetProperty("id").GetGuid();
        await withdrawn.DeleteAsync($"/api/v1/offers/{withdrawnOffer}");
        var (blocked, blockedId) = await app.NeighbourAsync("Bea Geblokkeerd", "1012 AB");
        var blockedOffer = (await blocked.PublishAsync("shopping", "Boodschappen.")).GetProperty("id").GetGuid();
        var (jan, _) = await app.NeighbourAsync("Jan de Vries", "1055 KL", "resident", "volunteer");
        var circleId = await jan.CreateCircleAsync(forMyself: true);
        var ownOffer = (await jan.PublishAsync("shopping", "Boodschappen.")).GetProperty("id").GetGuid();
        await jan.PutAsync($"/api/v1/circles/{circleId}/blocked-volunteers/{blockedId}", null);

        var messages = new List<string>();
        foreach (var offerId in new[] { withdrawnOffer, blockedOffer, ownOffer, Guid.CreateVersion7() })
            messages.AddRange(await ProblemAssert.FieldErrorsAsync(await jan.AskAsync(circleId, offerId), "offerId"));

        Assert.Equal(3, messages.Count(m => m.StartsWith("Dit aanbod is er niet meer.", StringComparison.Ordinal)));
        Assert.Contains("Dit is uw eigen aanbod. U kunt het niet aan uzelf vragen.", messages);
        var list = await jan.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{circleId}/requests");
        Assert.Empty(list.GetProperty("current").EnumerateArray());
    }
}
