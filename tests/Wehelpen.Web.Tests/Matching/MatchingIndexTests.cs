using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Matching;

/// <summary>
/// Matching holds its own copy of the volunteers and the open requests: loaded when the app starts, and current
/// after every change, without a restart. The request is shopping in 1055 (Bos en Lommer) on Tuesday morning.
/// </summary>
public sealed class MatchingIndexTests
{
    [Theory, BothDatabases]
    public async Task A_volunteer_stored_before_the_app_started_is_matched_at_once(DatabaseProvider provider)
    {
        var (before, _) = await MatchingSteps.StartAsync(provider);
        await using var _before = before;
        var c = await before.TwoCirclesAsync();
        await before.VolunteerAsync("Vera Vrijwilliger", "1056 AB");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);

        // A second app on the same database: nothing was saved through it, so it knows only what it loaded.
        var (app, _) = await MatchingSteps.StartAsync(provider, connectionString: before.ConnectionString);
        await using var _app = app;

        Assert.Contains(requestId, (await app.NearbyOfAsync("Vera Vrijwilliger")).Ids());
    }

    [Theory, BothDatabases]
    public async Task Every_change_of_a_volunteer_shows_in_their_next_list_without_a_restart(DatabaseProvider provider)
    {
        var (app, _) = await MatchingSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        // 1012 (the old centre) lies 2,940 m from 1055; 1102 (Bijlmer) 7.4 km.
        await app.VolunteerAsync("Vera Vrijwilliger", "1012 AB", radiusKm: 2);
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        async Task<bool> SeesAfterAsync(string? postcode, int radiusKm, string[] categories, object[]? availability = null)
        {
            await app.UpdateProfileAsync("Vera Vrijwilliger", postcode, radiusKm, categories, availability);
            return (await app.NearbyOfAsync("Vera Vrijwilliger")).Ids().Contains(requestId);
        }

        Assert.DoesNotContain(requestId, (await app.NearbyOfAsync("Vera Vrijwilliger")).Ids());
        Assert.True(await SeesAfterAsync("1012 AB", 3, ["shopping"]), "a larger radius");
        Assert.False(await SeesAfterAsync("1102 AB", 3, ["shopping"]), "a postcode far away");
        Assert.True(await SeesAfterAsync("1056 AB", 3, ["shopping"]), "a postcode near by");
        Assert.False(await SeesAfterAsync("1056 AB", 3, ["transport"]), "other categories");
        Assert.True(await SeesAfterAsync("1056 AB", 3, ["transport", "shopping"]), "shopping again");
        Assert.False(await SeesAfterAsync("1056 AB", 3, ["shopping"], [new { day = "monday", part = "morning" }]), "only on Mondays");
        Assert.True(await SeesAfterAsync("1056 AB", 3, ["shopping"], [new { day = "tuesday", part = "morning" }]), "on Tuesday mornings");
    }

    [Theory, BothDatabases]
    public async Task A_volunteer_who_stops_is_not_asked_and_is_again_when_they_come_back(DatabaseProvider provider)
    {
        var (app, clock) = await MatchingSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await app.VolunteerAsync("Vera Vrijwilliger", "1055 KL");
        await app.UpdateProfileAsync("Vera Vrijwilliger", "1055 KL", roles: ["carer"]);
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);

        await app.SweepAsync();
        await app.UpdateProfileAsync("Vera Vrijwilliger", "1055 KL");
        Assert.Empty(await app.AskedAboutAsync(requestId, "Vera Vrijwilliger"));

        await app.SweepAfterAsync(clock, TimeSpan.FromHours(2));
        Assert.Equal(["Vera Vrijwilliger"], await app.AskedAboutAsync(requestId, "Vera Vrijwilliger"));
    }

    [Theory, BothDatabases]
    public async Task A_refresh_after_a_save_takes_in_what_was_committed_and_not_what_was_rolled_back(DatabaseProvider provider)
    {
        var (app, _) = await MatchingSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (_, veraId) = await app.VolunteerAsync("Vera Vrijwilliger", "1012 AB", radiusKm: 2);
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        async Task<bool> SeesAfterAsync(bool commit)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                (await db.Set<VolunteerProfile>().SingleAsync(p => p.UserId == veraId)).ServiceRadiusKm = 3;
                await db.SaveChangesAsync();
                if (commit) await transaction.CommitAsync();
                else await transaction.RollbackAsync();
                // What every feature does after its save (the profile editor after its commit): matching reads the database again.
                await scope.ServiceProvider.GetRequiredService<MatchingRefresher>().ChangedAsync(volunteers: [veraId]);
            }
            return (await app.NearbyOfAsync("Vera Vrijwilliger")).Ids().Contains(requestId);
        }

        Assert.False(await SeesAfterAsync(commit: false));
        Assert.True(await SeesAfterAsync(commit: true));
    }
}
