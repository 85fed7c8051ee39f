using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Tests.Hosting;

/// <summary>
/// /health/live (the process answers), /health/ready (the node should get traffic: the checks tagged "ready") and
/// /health (every check), over the real pipeline.
/// </summary>
public sealed class HealthEndpointTests
{
    [Theory, BothDatabases]
    public async Task A_running_app_is_live_and_ready(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");
        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var lines = (await ready.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Healthy", lines[0]);
        // Both the start-up and the database check took part.
        Assert.Contains("started: Healthy (started)", lines);
        Assert.Contains("database: Healthy", lines);
        Assert.True(ready.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_fails_when_a_check_tagged_ready_fails_and_live_does_not_look_at_checks()
    {
        await using var app = await WehelpenApplication.StartAsync(services: s =>
            s.AddHealthChecks().AddCheck("queue", () => HealthCheckResult.Unhealthy("queue gone"), tags: [HealthEndpoints.ReadyTag]));
        using var client = app.CreateApiClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var text = await ready.Content.ReadAsStringAsync();
        Assert.StartsWith("Unhealthy\n", text);
        Assert.Contains("queue: Unhealthy (queue gone)", text);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task A_failing_check_without_the_ready_tag_fails_health_but_not_ready()
    {
        await using var app = await WehelpenApplication.StartAsync(services: s =>
            s.AddHealthChecks().AddCheck("report", () => HealthCheckResult.Unhealthy()));
        using var client = app.CreateApiClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Ready_fails_when_the_database_cannot_be_reached_while_live_still_answers()
    {
        await using var app = await WehelpenApplication.StartAsync(DatabaseProvider.Postgres);
        using var client = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database!;

        // No one may connect any more, and the app's pool lets go of the connections it kept.
        await AdminAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        ForgetPooledConnections(app);
        try
        {
            var ready = await client.GetAsync("/health/ready");
            var live = await client.GetAsync("/health/live");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var lines = (await ready.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("database: Unhealthy", lines);
            Assert.Contains("started: Healthy (started)", lines);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await AdminAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Once_the_app_is_asked_to_stop_ready_says_so_while_it_still_serves_and_lives()
    {
        // Hosted services stop in reverse order, so this one, added last, stops before the server does: while it
        // holds the shutdown, the app still answers requests, as a node does while it drains.
        var gate = new StopGate();
        await using var app = await WehelpenApplication.StartAsync(services: s => s.AddSingleton<IHostedService>(gate));
        using var client = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await gate.Stopping.WaitAsync(TimeSpan.FromSeconds(30));
        try
        {
            var ready = await client.GetAsync("/health/ready");
            var live = await client.GetAsync("/health/live");
            var home = await client.GetAsync("/");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("started: Unhealthy (stopping)", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed class StopGate : IHostedService
    {
        private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Stopping => _stopping.Task;
        public void Release() => _release.TrySetResult();

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            _stopping.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The idle connections in the pool the app's DbContext uses are closed; the next use needs a new one.</summary>
    private static void ForgetPooledConnections(WehelpenApplication app)
    {
        using var pooled = new NpgsqlConnection(app.ConnectionString);
        NpgsqlConnection.ClearPool(pooled);
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
