using System.Net;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Matching;

/// <summary>Volunteers who chose postcode areas see exactly the requests of those areas, however far from home.</summary>
public sealed class ChosenAreaTests
{
    [Theory, BothDatabases]
    public async Task A_volunteer_with_chosen_areas_sees_and_opens_requests_there_and_not_those_near_home(DatabaseProvider provider)
    {
        var (app, _) = await MatchingSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        // The request is in 1055 (Bos en Lommer). Bram lives in 1102 (Bijlmer), 7.4 km away; Vera in 1056, next door.
        var (bram, _) = await app.VolunteerAsync("Bram Vrijwilliger", "1102 AB", radiusKm: 3);
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger", "1056 AB", radiusKm: 3);
        var nearVera = await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.DoesNotContain(nearVera, (await app.NearbyOfAsync("Bram Vrijwilliger")).Ids());
        Assert.Contains(nearVera, (await app.NearbyOfAsync("Vera Vrijwilliger")).Ids());

        await app.UpdateProfileAsync("Bram Vrijwilliger", "1102 AB", areas: ["1055", "1056"]);
        await app.UpdateProfileAsync("Vera Vrijwilliger", "1056 AB", areas: ["1102"]);
        // Posted after the change: its first wave asks by the chosen areas (Vera was asked about the first one, which she
        // may therefore still open).
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);

        Assert.Contains(requestId, (await app.NearbyOfAsync("Bram Vrijwilliger")).Ids());
        Assert.Contains(nearVera, (await app.NearbyOfAsync("Bram Vrijwilliger")).Ids());
        using var bramAgain = await app.LoginAsync(CircleSteps.EmailOf("Bram Vrijwilliger"));
        Assert.Equal("open", (await bramAgain.DetailsAsync(requestId)).Status());
        Assert.DoesNotContain(requestId, (await app.NearbyOfAsync("Vera Vrijwilliger")).Ids());
        using var veraAgain = await app.LoginAsync(CircleSteps.EmailOf("Vera Vrijwilliger"));
        Assert.Equal(HttpStatusCode.NotFound, (await veraAgain.GetAsync($"/api/v1/requests/{requestId}")).StatusCode);
        bram.Dispose();
        vera.Dispose();
    }
}
