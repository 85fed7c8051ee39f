using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Neighbourhoods.SocialMap;

/// <summary>Escalated requests and the organisations of the social map (professionals: BuurtteamSteps).</summary>
public static class SocialMapSteps
{
    public const string Organisations = "/api/v1/social-map/organisations";


    /// <summary>A neighbourhood request in 1055 KL (Bos en Lommer, stadsdeel West) next week, left until the buurtteam sees it.</summary>
    public static async Task<Guid> EscalatedRequestAsync(this WehelpenApplication app, TestClock clock, TwoCircles c)
    {
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId, NextWeek());
        for (var i = 0; i < 4 && !await IsEscalatedAsync(app, requestId); i++)
        {
            clock.Advance(TimeSpan.FromHours(25));
            await app.SweepAsync();
        }
        Assert.True(await IsEscalatedAsync(app, requestId), "The request did not reach the buurtteam.");
        return requestId;
    }

    public static Dictionary<string, object?> NextWeek()
    {
        var body = RequestSteps.Shopping("neighbourhood");
        body["date"] = "2026-12-04";
        return body;
    }

    private static Task<bool> IsEscalatedAsync(WehelpenApplication app, Guid requestId) =>
        app.QueryAsync(db => db.Set<HelpRequest>().AnyAsync(r => r.Id == requestId && r.EscalatedAt != null));

    public static async Task<JsonElement[]> OrganisationsAsync(this HttpClient client, string? stadsdeel = null)
    {
        var response = await client.GetAsync(stadsdeel is null ? Organisations : $"{Organisations}?stadsdeel={stadsdeel}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    public static async Task<Guid> OrganisationIdAsync(this HttpClient client, string stadsdeel, string name) =>
        (await client.OrganisationsAsync(stadsdeel)).Single(o => o.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();

    public static Dictionary<string, object?> Buurthuis(string stadsdeel = "nieuw-west") => new()
    {
        ["stadsdeel"] = stadsdeel,
        ["name"] = "Huis van de Buurt De Tagerijn",
        ["kind"] = "huisVanDeBuurt",
        ["isAllianceLead"] = false,
        ["whatTheyDo"] = "Een plek om elkaar te ontmoeten, met activiteiten en spreekuren.",
        ["phone"] = "020 123 4567",
        ["email"] = "info@tagerijn.example.nl",
        ["website"] = "www.tagerijn.example.nl",
        ["address"] = "Voorbeeldstraat 1",
        ["openingHours"] = "maandag tot en met vrijdag 9:00-17:00",
    };
}
