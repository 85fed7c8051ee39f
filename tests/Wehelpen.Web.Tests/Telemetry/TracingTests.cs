using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Telemetry;

/// <summary>
/// With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set (here to a port where nothing listens: export fails quietly), the app
/// starts and answers as ever, and traces a request from ASP.NET Core down to EF Core, with the route template
/// instead of the path, so no id or token in a URL reaches the collector.
/// </summary>
[Collection(Alone)]
public sealed class TracingTests
{
    /// <summary>
    /// Run when no other test's app is alive: spans and EF's diagnostic events are process-wide, so every app in the
    /// process would add its spans to this test's. (With pooled DbContexts the traced request's database spans were
    /// lost in 4 of 10 full runs, also alone: docs/decisions/no-dbcontext-pooling.md.)
    /// </summary>
    public const string Alone = "Tracing, with no other app in the process";

    [Theory, BothDatabases]
    public async Task A_request_is_traced_down_to_the_database_without_its_ids(DatabaseProvider provider)
    {
        var spans = new EndedSpans();
        var settings = new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" };
        await using var app = await WehelpenApplication.StartAsync(provider, settings,
            s => s.AddSingleton<TimeProvider>(new TestClock(RequestSteps.Now)).ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(spans)));
        var c = await app.TwoCirclesAsync();
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);

        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.GetAsync($"/api/v1/requests/{requestId}?x={requestId}")).StatusCode);

        // The server's span ends after the answer reached the client; under load the database's spans of the same trace
        // may be handed to the processor on another thread a moment later: wait for both (or fail at the deadline).
        var seen = spans.Until(all => all.FirstOrDefault(IsTheGet) is { } get && all.Any(a => IsDatabaseSpanOf(a, get)));
        var server = Assert.Single(seen, IsTheGet);
        Assert.Equal("/api/v1/requests/{requestId:guid}", server.GetTagItem("url.path"));
        Assert.Null(server.GetTagItem("url.query"));
        Assert.Contains(seen, a => IsDatabaseSpanOf(a, server));
        Assert.DoesNotContain(seen, a => a.Tags.Any(t => Regex.IsMatch(t.Value ?? "", "[0-9a-f]{8}-[0-9a-f]{4}-")));
    }

    private static bool IsDatabaseSpan(Activity a) => a.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal);

    private static bool IsDatabaseSpanOf(Activity a, Activity server) => a.TraceId == server.TraceId && IsDatabaseSpan(a);

    private static bool IsTheGet(Activity a) =>
        a.Kind == ActivityKind.Server && a.GetTagItem("http.route") as string == "/api/v1/requests/{requestId:guid}"
        && a.GetTagItem("http.request.method") as string == "GET";

    /// <summary>What a failure needs to say: whether the GET ended, and how many database spans each request had.</summary>
    private static string Describe(IReadOnlyList<Activity> ended)
    {
        var requests = ended.Where(a => a.Kind == ActivityKind.Server)
            .Select(s => $"{s.DisplayName} at {s.StartTimeUtc:HH:mm:ss.fff}: {ended.Count(a => IsDatabaseSpanOf(a, s))}");
        return $"The GET {(ended.Any(IsTheGet) ? "ended" : "did not end")}; database spans in all: {ended.Count(IsDatabaseSpan)}; "
            + $"database spans per request: [{string.Join(", ", requests)}].";
    }

    /// <summary>Keeps each span as it ends, and lets the test wait for the one it is after.</summary>
    private sealed class EndedSpans : BaseProcessor<Activity>
    {
        private readonly List<Activity> _ended = [];

        public override void OnEnd(Activity data)
        {
            lock (_ended)
            {
                _ended.Add(data);
                Monitor.PulseAll(_ended);
            }
        }

        public Activity[] Until(Func<IReadOnlyList<Activity>, bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            lock (_ended)
            {
                while (!condition(_ended))
                {
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero || !Monitor.Wait(_ended, left) && !condition(_ended))
                        throw new TimeoutException($"No such span among the {_ended.Count} that ended. {Describe(_ended)}");
                }
                return [.. _ended];
            }
        }
    }
}

[CollectionDefinition(TracingTests.Alone, DisableParallelization = true)]
public sealed class TracingAlone;
