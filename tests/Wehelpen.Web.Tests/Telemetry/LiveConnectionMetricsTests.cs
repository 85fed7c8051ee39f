using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Live;

namespace Wehelpen.Web.Tests.Telemetry;

/// <summary>The operator sees how many hub connections a node holds: up as people connect, down as they leave.</summary>
public sealed class LiveConnectionMetricsTests
{
    private const string Connections = "wehelpen.live.connections";

    [Theory, BothDatabases]
    public async Task Hub_connections_are_counted_while_they_are_open(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        using var metrics = new AppMetrics(app);
        await app.TwoCirclesAsync();

        var carla = await app.ConnectAsync("Carla Coördinator");
        var phone = await app.ConnectAsync("Mo Lid");
        await using var laptop = await app.ConnectAsync("Mo Lid");
        await metrics.UntilAsync(m => m.Sum(Connections) == 3);

        await phone.DisposeAsync();
        await carla.DisposeAsync();
        await metrics.UntilAsync(m => m.Sum(Connections) == 1);
        Assert.All(metrics.TagsOf(Connections), tags => Assert.Empty(tags)); // no person, no connection id
    }
}
