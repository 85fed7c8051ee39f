using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Privacy;

/// <summary>An erasure that fails part-way (a crash, a bug in one feature) leaves everything as it was: one transaction.</summary>
public sealed class ErasureAtomicityTests
{
    /// <summary>A feature whose erasure step fails after the circles, requests and chat have done theirs.</summary>
    private sealed class FailingStep : IPersonalData
    {
        public int Order => ErasureOrder.Default + 500;
        public IEnumerable<PersonalColumn> Columns => [];
        public IEnumerable<ExportSection> Export(string userId) => [];
        public Task EraseAsync(PersonErasure erasure, CancellationToken ct) => throw new IOException("The disk went away.");
    }

    [Theory, BothDatabases]
    public async Task An_erasure_that_fails_half_way_erases_nothing(DatabaseProvider provider)
    {
        var clock = new TestClock(RequestSteps.Now);
        await using var app = await WehelpenApplication.StartAsync(provider,
            new() { ["RateLimits:LoginAttemptsPerMinute"] = "1000" },
            s => s.AddSingleton<TimeProvider>(clock).AddScoped<IPersonalData, FailingStep>());
        var world = await app.PieterWithCirclesAsync();

        var response = await world.Pieter.EraseAccountAsync(WehelpenApplication.Password);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal(PietersWorld.Traces.Length, (await app.FindInDatabaseAsync(PietersWorld.Traces)).Select(t => t.Split(": ")[1]).Distinct().Count());
        Assert.Equal("claimed", (await world.Bert.DetailsAsync(world.TaskInHand)).Status());
        Assert.Equal("open", (await world.Bert.DetailsAsync(world.OpenAsk)).Status());
        Assert.Equal(HttpStatusCode.OK, (await world.Carla.GetAsync($"/api/v1/circles/{world.OwnCircle}")).StatusCode);
        Assert.DoesNotContain(app.Emails(CircleSteps.EmailOf("Carla Coördinator")), m => m.Subject.Contains(PietersWorld.OwnCircleName));
        using var again = await app.LoginAsync(PietersWorld.Email);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/profile")).StatusCode);
    }
}
