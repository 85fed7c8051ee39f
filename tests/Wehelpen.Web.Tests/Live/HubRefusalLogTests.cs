using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Hosting;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Live;

/// <summary>
/// A hub call refused for an ordinary reason is part of a normal day: a short line at Information, no stack trace, no
/// error. Something that really broke stays an error, with its stack trace, so that it is seen.
/// </summary>
public sealed class HubRefusalLogTests
{
    [Theory, BothDatabases]
    public async Task Refused_calls_are_logged_as_information_without_a_stack_trace_and_real_failures_as_errors(DatabaseProvider provider)
    {
        var logs = new LogCapture();
        await using var app = await WehelpenApplication.StartAsync(provider, LiveSteps.Settings, s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.Configure<HubOptions>(o => o.AddFilter(new BrokenOnlineMembers()));
        });
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        await app.VolunteerAsync("Wim Vrijwilliger");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId, LiveSteps.Upcoming(RequestSteps.Shopping()));
        await vera.ActAsync(requestId, "claim");
        await using var stan = await app.ConnectAsync("Stan Vreemde");
        await using var wim = await app.ConnectAsync("Wim Vrijwilliger");

        // Not a member; someone else was first; bad input.
        await stan.RefusedAsync("SendChat", LiveSteps.Circle(c.CircleId), new { clientMessageId = "x1", text = "hallo" });
        await wim.RefusedAsync("ClaimRequest", requestId);
        await stan.RefusedAsync("SendChat", LiveSteps.Circle(c.OtherCircleId), new { clientMessageId = "x2", text = new string('a', 5000) });
        // A real failure.
        await Assert.ThrowsAsync<HubException>(() => stan.InvokeAsync("OnlineMembers", [c.OtherCircleId]));

        var hub = logs.Records.Where(r => r.Text.Contains("SendChat", StringComparison.Ordinal) || r.Text.Contains("ClaimRequest", StringComparison.Ordinal)
            || r.Text.Contains("OnlineMembers", StringComparison.Ordinal)).ToList();
        var refusals = hub.Where(r => r.Level == LogLevel.Information && !r.Text.Contains("OnlineMembers", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, refusals.Count);
        Assert.All(refusals, r => Assert.DoesNotContain("   at ", r.Text));
        Assert.All(refusals, r => Assert.DoesNotContain("hallo", r.Text));
        var error = Assert.Single(logs.Records, r => r.Level >= LogLevel.Error);
        Assert.Contains("OnlineMembers", error.Text);
        Assert.Contains("stuk met opzet", error.Text);
        Assert.Contains("   at ", error.Text);
    }

    /// <summary>Stands for a bug or a database that went away: the one kind of failure that must stay an error.</summary>
    private sealed class BrokenOnlineMembers : IHubFilter
    {
        public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next) =>
            invocation.HubMethodName == "OnlineMembers" ? throw new InvalidOperationException("stuk met opzet") : next(invocation);
    }
}
