using Wehelpen.Benchmarks.Cluster;
using Wehelpen.Benchmarks.Live;

namespace Wehelpen.Benchmarks.Http;

/// <summary>The rps of each endpoint and of /health/live in one measurement (one history size, one app process).</summary>
internal sealed record LoadFigures(double HealthBeforeRps, double HealthAfterRps, IReadOnlyDictionary<string, WrkFigures> Endpoints)
{
    /// <summary>The baseline: the mean of the health runs before and after the endpoints (how far apart they are shows how steady the machine was).</summary>
    public double HealthRps => (HealthBeforeRps + HealthAfterRps) / 2;

    public double Ratio(string endpoint) => Endpoints[endpoint].Rps / HealthRps;
}

/// <summary>
/// One measurement on a running app: every call of every endpoint checked, a short warm-up of each, then /health/live,
/// the endpoints in turn and /health/live again, each for the same seconds at the same connections; after each run
/// wrk's own count of failures must be nought, its bytes per answer at least the shortest checked body (a redirect to
/// the login page is 2xx/3xx to wrk, but a few hundred bytes), and every call is checked again at the end.
/// </summary>
internal static class HttpLoad
{
    private static readonly HttpEndpoint Health = new("health", HttpEndpoint.Api, 1, [new HttpCall("/health/live", "", "Healthy")]);

    public static async Task<LoadFigures> MeasureAsync(AppUnderTest app, IReadOnlyList<HttpEndpoint> endpoints, HttpSettings settings, Wrk wrk, string label, CancellationToken ct)
    {
        using var http = HttpEndpoint.Client(app.BaseAddress);
        var all = endpoints.Prepend(Health).ToList();
        var shortest = new Dictionary<string, int>();
        await LiveBenchmark.Stage($"Checking every call ({all.Sum(e => e.Calls.Count)})", async () =>
        {
            foreach (var endpoint in all) shortest[endpoint.Name] = await endpoint.CheckAsync(http, ct);
        });
        var files = all.ToDictionary(e => e.Name, e => wrk.Identities(e.Calls.Select(c => c.WrkLine)));

        async Task<WrkFigures> RunAsync(HttpEndpoint endpoint, int seconds, string what)
        {
            var figures = await wrk.RunAsync(new Uri(app.BaseAddress, endpoint.Calls[0].Path), files[endpoint.Name], settings.Connections, seconds, null, ct);
            Console.Error.WriteLine($"  {what} {endpoint.Name,-12} {figures.Rps,8:0} rps  p50 {figures.P50Us / 1000,6:0.0} ms  p99 {figures.P99Us / 1000,7:0.0} ms  {figures.Bytes / Math.Max(1, figures.Requests),7} B/answer");
            if (figures.Errors > 0) throw new InvalidOperationException($"{endpoint.Name}: wrk counted failures ({figures.ErrorBreakdown}).");
            if (figures.Requests == 0 || figures.Bytes / figures.Requests < shortest[endpoint.Name])
                throw new InvalidOperationException($"{endpoint.Name}: {figures.Bytes / Math.Max(1, figures.Requests)} bytes per answer, less than the shortest right body ({shortest[endpoint.Name]}): some answers were not the page.");
            return figures;
        }

        Console.Error.WriteLine($"{label}: warm-up, {settings.WarmUpSeconds} s each (not counted):");
        foreach (var endpoint in all) await RunAsync(endpoint, settings.WarmUpSeconds, "warm-up");
        Console.Error.WriteLine($"{label}: measuring, {settings.Seconds} s each at {settings.Connections} connections:");
        var before = await RunAsync(Health, settings.Seconds, label);
        var figures = new Dictionary<string, WrkFigures>();
        foreach (var endpoint in endpoints) figures[endpoint.Name] = await RunAsync(endpoint, settings.Seconds, label);
        var after = await RunAsync(Health, settings.Seconds, label);
        foreach (var endpoint in all) await endpoint.CheckAsync(http, ct);
        if (app.ErrorLines > 0) throw new InvalidOperationException($"The app logged {app.ErrorLines} errors.");
        return new LoadFigures(before.Rps, after.Rps, figures);
    }
}
