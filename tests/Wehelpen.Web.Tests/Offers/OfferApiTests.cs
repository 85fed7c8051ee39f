using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Offers;

public sealed class OfferApiTests
{
    // Distances between the centres of the PC4 areas, worked out by hand from the table (haversine):
    // 1055-1056 805 m, 1055-1012 2 940 m, 1055-1081 5 835 m, 1055-1102 9 722 m.

    [Theory, BothDatabases]
    public async Task Offers_near_my_postcode_are_listed_nearest_first_within_the_chosen_distance(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (anna, _) = await app.NeighbourAsync("Anna Centrum", "1012 AB");
        var (bert, _) = await app.NeighbourAsync("Bert Zuid", "1081 HV");
        var (cor, _) = await app.NeighbourAsync("Cor Buur", "1056 AA");
        var (dirk, _) = await app.NeighbourAsync("Dirk Zuidoost", "1102 AB");
        await anna.PublishAsync("shopping", "Ik doe boodschappen op dinsdag.", [new { day = "tuesday", part = "morning" }]);
        await bert.PublishAsync("company", "Een kopje koffie en een praatje.");
        await cor.PublishAsync("shopping", "Boodschappen met de bakfiets.");
        await dirk.PublishAsync("transport", "Ik rijd naar het ziekenhuis.");
        var (carer, _) = await app.NeighbourAsync("Carla Mantelzorg", "1055 KL", "carer");

        var nearby = await carer.BrowseAsync();
        Assert.Equal(["Cor", "Anna"], nearby.Names());
        Assert.Equal(5, nearby.GetProperty("radiusKm").GetInt32());
        Assert.Equal("1055", nearby.GetProperty("from").GetString());
        var annasOffer = nearby.GetProperty("items")[1];
        Assert.Equal(2900, annasOffer.GetProperty("distanceMetres").GetInt32());
        Assert.Equal("1012", annasOffer.GetProperty("pc4").GetString());
        Assert.Equal("Amsterdam", annasOffer.GetProperty("place").GetString());
        Assert.Equal("shopping", annasOffer.GetProperty("category").GetString());
        Assert.Equal("Ik doe boodschappen op dinsdag.", annasOffer.GetProperty("text").GetString());
        Assert.Equal("tuesday", annasOffer.GetProperty("availability")[0].GetProperty("day").GetString());
        Assert.DoesNotContain("1012 AB", nearby.ToString());

        Assert.Equal(["Cor"], (await carer.BrowseAsync("?radiusKm=2")).Names());
        Assert.Equal(["Cor", "Anna", "Bert", "Dirk"], (await carer.BrowseAsync("?radiusKm=10")).Names());
        Assert.Equal(["Bert"], (await carer.BrowseAsync("?radiusKm=10&category=company")).Names());
        Assert.Contains("2, 5, 10", (await ProblemAssert.FieldErrorsAsync(await carer.GetAsync("/api/v1/offers?radiusKm=3"), "radiusKm"))[0]);
        await ProblemAssert.FieldErrorsAsync(await carer.GetAsync("/api/v1/offers?category=koken"), "category");
    }

    [Theory, BothDatabases]
    public async Task Without_a_postcode_the_list_says_so_and_a_volunteer_cannot_publish(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (homeless, _) = await app.NeighbourAsync("Vera Zonderpostcode", null);

        Assert.Equal("NoPlace", (await homeless.BrowseAsync()).GetProperty("reason").GetString());
        var refused = await homeless.PostAsJsonAsync("/api/v1/offers", new { category = "shopping", text = "Boodschappen" });
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains("/profile", problem.GetProperty("detail").GetString());
        Assert.Empty(await homeless.GetFromJsonAsync<JsonElement[]>("/api/v1/offers/mine") ?? []);
    }

    [Theory, BothDatabases]
    public async Task Only_volunteers_publish_and_what_they_write_is_checked(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (resident, _) = await app.NeighbourAsync("Rita Bewoner", "1055 KL", "resident");
        var (volunteer, _) = await app.NeighbourAsync("Vince Vrijwilliger", "1055 KL");

        var notVolunteer = await resident.PostAsJsonAsync("/api/v1/offers", new { category = "shopping", text = "Boodschappen" });
        Assert.Contains("vrijwilliger", (await ProblemAssert.IsProblemAsync(notVolunteer, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());

        var empty = await volunteer.PostAsJsonAsync("/api/v1/offers", new { text = "  " });
        Assert.Equal(["Kies wat u aanbiedt."], await ProblemAssert.FieldErrorsAsync(empty, "category"));
        await ProblemAssert.FieldErrorsAsync(empty, "text");
        var tooLong = await volunteer.PostAsJsonAsync("/api/v1/offers", new { category = "shopping", text = new string('x', 501) });
        await ProblemAssert.FieldErrorsAsync(tooLong, "text");
        Assert.Empty(await volunteer.GetFromJsonAsync<JsonElement[]>("/api/v1/offers/mine") ?? []);
    }

    [Theory, BothDatabases]
    public async Task Only_the_volunteer_withdraws_their_offer_and_then_nobody_sees_it(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (volunteer, _) = await app.NeighbourAsync("Vince Vrijwilliger", "1012 AB");
        var (other, _) = await app.NeighbourAsync("Olga Ander", "1055 KL");
        var offerId = (await volunteer.PublishAsync("oddJobs", "Kleine klusjes in huis.")).GetProperty("id").GetGuid();

        var byOther = await other.DeleteAsync($"/api/v1/offers/{offerId}");
        var madeUp = await other.DeleteAsync($"/api/v1/offers/{Guid.CreateVersion7()}");
        await ProblemAssert.IsProblemAsync(byOther, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(madeUp, HttpStatusCode.NotFound);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(byOther));
        Assert.Equal(["Vince"], (await other.BrowseAsync()).Names());

        Assert.Equal(HttpStatusCode.NoContent, (await volunteer.DeleteAsync($"/api/v1/offers/{offerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await volunteer.DeleteAsync($"/api/v1/offers/{offerId}")).StatusCode);
        Assert.Empty((await other.BrowseAsync()).Names());
        Assert.Empty(await volunteer.GetFromJsonAsync<JsonElement[]>("/api/v1/offers/mine") ?? []);
    }

    [Theory, BothDatabases]
    public async Task Offers_are_shown_for_ninety_days_with_the_day_they_were_published(DatabaseProvider provider)
    {
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var (volunteer, _) = await app.NeighbourAsync("Vince Vrijwilliger", "1012 AB");
        await volunteer.PublishAsync("company", "Wandelen in het park.");

        var mine = await volunteer.GetFromJsonAsync<JsonElement[]>("/api/v1/offers/mine");
        Assert.Equal(clock.Now, mine![0].GetProperty("publishedAt").GetDateTimeOffset());

        clock.Advance(TimeSpan.FromDays(89));
        var (carer, _) = await app.NeighbourAsync("Carla Mantelzorg", "1055 KL", "carer");
        Assert.Equal(["Vince"], (await carer.BrowseAsync()).Names());
        clock.Advance(TimeSpan.FromDays(2));
        carer = await app.LoginAsync(CircleSteps.EmailOf("Carla Mantelzorg"));
        Assert.Empty((await carer.BrowseAsync()).Names());
        Assert.Empty(await (await app.LoginAsync(CircleSteps.EmailOf("Vince Vrijwilliger"))).GetFromJsonAsync<JsonElement[]>("/api/v1/offers/mine") ?? []);
    }

    [Theory, BothDatabases]
    public async Task Browsing_for_a_circle_measures_from_its_place_and_hides_the_volunteers_it_blocked(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (anna, annaId) = await app.NeighbourAsync("Anna Centrum", "1012 AB");
        var (cor, _) = await app.NeighbourAsync("Cor Buur", "1056 AA");
        await anna.PublishAsync("shopping", "Boodschappen op dinsdag.");
        await cor.PublishAsync("shopping", "Boodschappen met de bakfiets.");
        var (jan, _) = await app.NeighbourAsync("Jan de Vries", "1055 KL", "resident");
        var circleId = await jan.CreateCircleAsync(forMyself: true);
        // A carer who lives far away browses for Jan: distances are from Jan's place.
        var (carer, _) = await app.NeighbourAsync("Carla Mantelzorg", "2011 AB", "carer");
        await jan.JoinAsync(circleId, carer, "coordinator");
        var (stranger, _) = await app.NeighbourAsync("Stan Vreemde", "1055 KL", "carer");

        Assert.Empty((await carer.BrowseAsync()).Names());
        var forJan = await carer.BrowseAsync($"?circleId={circleId}");
        Assert.Equal(["Cor", "Anna"], forJan.Names());
        Assert.Equal(800, forJan.GetProperty("items")[0].GetProperty("distanceMetres").GetInt32());

        var block = await carer.PutAsync($"/api/v1/circles/{circleId}/blocked-volunteers/{annaId}", null);
        Assert.Equal(HttpStatusCode.OK, block.StatusCode);
        Assert.Equal(["Cor"], (await carer.BrowseAsync($"?circleId={circleId}")).Names());
        Assert.Equal(["Cor", "Anna"], (await stranger.BrowseAsync()).Names());

        var strangerAsks = await stranger.GetAsync($"/api/v1/offers?circleId={circleId}");
        var madeUp = await stranger.GetAsync($"/api/v1/offers?circleId={Guid.CreateVersion7()}");
        await ProblemAssert.IsProblemAsync(strangerAsks, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(madeUp, HttpStatusCode.Forbidden);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(strangerAsks));
    }

    [Theory, BothDatabases]
    public async Task Anonymous_callers_get_401_on_every_offer_endpoint(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (volunteer, _) = await app.NeighbourAsync("Vince Vrijwilliger", "1012 AB");
        var offerId = (await volunteer.PublishAsync("company", "Wandelen.")).GetProperty("id").GetGuid();
        using var anonymous = app.CreateApiClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/offers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/offers/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/offers", new { category = "company", text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/api/v1/offers/{offerId}")).StatusCode);
        Assert.Single(await volunteer.GetFromJsonAsync<JsonElement[]>("/api/v1/offers/mine") ?? []);
    }
}
