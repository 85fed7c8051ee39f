using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Features.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Tests.Offers;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Neighbourhoods.Figures;

/// <summary>
/// A known data set: requests asked, claimed and confirmed at known moments in Oud-Noord (1021) and De Pijp (1072),
/// volunteers living in Oud-Noord and one in Diemen, and professionals approved for one gebied. The clock stands on Wednesday 25 November 2026,
/// so "the last 4 weeks" are ISO weeks 45 to 48 (Mondays 2, 9, 16 and 23 November).
/// </summary>
public static class FigureSteps
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Earlier = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Tuesday 17 November 10:00 UTC, week 47.</summary>
    public static readonly DateTimeOffset Week47 = new(2026, 11, 17, 10, 0, 0, TimeSpan.Zero);

    /// <param name="minimumCount">1 turns suppression off: for checking the arithmetic, which suppression would partly hide.</param>
    public static async Task<(WehelpenApplication App, TestClock Clock)> StartAsync(DatabaseProvider provider, int? minimumCount = null)
    {
        var clock = new TestClock(Earlier);
        var settings = new Dictionary<string, string?> { ["RateLimits:LoginAttemptsPerMinute"] = "1000" };
        if (minimumCount is { } minimum) settings["Figures:MinimumCount"] = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (await WehelpenApplication.StartAsync(provider, settings, s => s.AddSingleton<TimeProvider>(clock)), clock);
    }

    /// <summary>
    /// Oud-Noord: week 47 has 7 requests (one on Sunday 22 November 23:30 Amsterdam time, 22:30 UTC), five claimed
    /// after 2, 5, 10, 30 and 50 hours (the 50-hour one first at 50 hours, given back, claimed again later) and
    /// confirmed by both sides on Saturday; one more done but confirmed by the helper only. Week 48 has 5 (one on
    /// Monday 23 November 00:30 Amsterdam time, still Sunday in UTC). Six volunteers live in 1021; one from Diemen (1111)
    /// claimed the 10-hour one. De Pijp: 8 requests in week 47, nobody claimed; <paramref name="smallWeek46"/> adds 3 in week 46.
    /// </summary>
    public static async Task SeedAsync(WehelpenApplication app, TestClock clock, bool smallWeek46 = false)
    {
        var (carer, carerId) = await app.PersonAsync("Carla Coördinator");
        var circleId = await carer.CreateCircleAsync();
        var noordVolunteers = new List<string>();
        for (var i = 0; i < 6; i++) noordVolunteers.Add((await app.VolunteerAsync($"Vrijwilliger Noord {i}", "1021 AB")).UserId);
        var (_, zuidVolunteer) = await app.VolunteerAsync("Zoë Diemen", "1111 AB");

        HelpRequest Request(string pc4, DateTimeOffset createdAt) => new()
        {
            CircleId = circleId, RequestedById = carerId, Category = HelpCategories.Shopping, Title = "Boodschappen",
            Postcode = pc4 + " AB", Pc4 = pc4, Latitude = 52.39, Longitude = 4.91, EndsAt = createdAt.AddDays(10),
            Audience = RequestAudience.Neighbourhood, AudienceSince = createdAt, Status = RequestStatus.Open, CreatedAt = createdAt,
        };
        RequestEvent Claim(HelpRequest r, string actor, double hours) =>
            new() { RequestId = r.Id, Change = RequestChange.Claimed, ActorId = actor, ActorName = "V", At = r.CreatedAt.AddHours(hours) };

        await app.QueryAsync(async db =>
        {
            var claimHours = new[] { 2.0, 5, 10, 30, 50 };
            var week47 = Enumerable.Range(0, 6).Select(i => Request("1021", Week47.AddHours(i))).ToList();
            week47.Add(Request("1021", new DateTimeOffset(2026, 11, 22, 22, 30, 0, TimeSpan.Zero)));
            var saturday = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < claimHours.Length; i++)
            {
                var r = week47[i];
                var actor = i == 2 ? zuidVolunteer : noordVolunteers[i];
                db.Add(Claim(r, actor, claimHours[i]));
                (r.Status, r.ClaimedById, r.ClaimedAt, r.ClosedAt, r.HelperConfirmed, r.RequesterConfirmed) =
                    (RequestStatus.Done, actor, r.CreatedAt.AddHours(claimHours[i]), saturday, true, true);
            }
            // Given back and claimed again: the first claim counts, though ClaimedAt now says otherwise.
            db.Add(new RequestEvent { RequestId = week47[4].Id, Change = RequestChange.GivenBack, ActorId = noordVolunteers[4], ActorName = "V", At = week47[4].CreatedAt.AddHours(51) });
            db.Add(Claim(week47[4], noordVolunteers[5], 60));
            week47[4].ClaimedAt = week47[4].CreatedAt.AddHours(60);
            (week47[5].Status, week47[5].ClosedAt, week47[5].HelperConfirmed) = (RequestStatus.Done, saturday, true);
            db.AddRange(week47);

            var week48 = new List<HelpRequest> { Request("1021", new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero)) };
            week48.AddRange(Enumerable.Range(0, 4).Select(i => Request("1021", new DateTimeOffset(2026, 11, 24, 9 + i, 0, 0, TimeSpan.Zero))));
            db.AddRange(week48);

            db.AddRange(Enumerable.Range(0, 8).Select(i => Request("1072", Week47.AddHours(i))));
            if (smallWeek46) db.AddRange(Enumerable.Range(0, 3).Select(i => Request("1072", Week47.AddDays(-7).AddHours(i))));
            await db.SaveChangesAsync();
            return 0;
        });
        clock.Now = Now;
    }

    /// <summary>A professional; approved for <paramref name="approved"/>, and asking (not yet approved) for <paramref name="pending"/>.</summary>
    public static async Task<HttpClient> ProfessionalAsync(this WehelpenApplication app, string name, string[] approved, string[]? pending = null)
    {
        var (client, _) = await BuurtteamSteps.ProfessionalAsync(app, name, approved);
        await app.AskForAreasAsync(name, pending ?? []);
        return client;
    }

    public static async Task<HttpClient> AdminAsync(this WehelpenApplication app, string name = "Ada Beheer")
    {
        await app.PersonAsync(name);
        return await app.AdministratorAsync(name);
    }

    public static async Task<JsonElement> FiguresAsync(this HttpClient client, string query = "?weeks=4")
    {
        var response = await client.GetAsync("/api/v1/figures" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static JsonElement Area(this JsonElement report, string code) =>
        report.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == code);

    public static JsonElement Week(this JsonElement area, string week) =>
        area.GetProperty("weeks").EnumerateArray().Single(w => w.GetProperty("week").GetString() == week).GetProperty("figures");

    public static double? Value(this JsonElement figures, string name) =>
        figures.GetProperty(name).GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    public static string? Suppressed(this JsonElement figures, string name) =>
        figures.GetProperty(name).GetProperty("suppressed").GetString();
}
