using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Platform.Cluster;

/// <summary>
/// Several nodes on one PostgreSQL database: who this node is, the bus between the nodes (LISTEN/NOTIFY), and the
/// Data Protection keys in the database (encrypted with a certificate, <see cref="KeyRingEncryption"/>), so that a login
/// cookie or token made by one node is good on every other node and after a restart. On SQLite there is one node and
/// the bus has nobody to tell.
/// </summary>
public static class ClusterExtensions
{
    public const string BusDatabase = "cluster-bus";

    /// <summary>Whether this app runs as one of several nodes (PostgreSQL); on SQLite it is the only one.</summary>
    public static bool IsShared(WebApplicationBuilder builder) => DatabaseExtensions.Connection(builder).Provider == DatabaseProvider.Postgres;

    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // First: without its certificate a node must refuse to start before anything else starts.
        services.AddDataProtection().SetApplicationName("Wehelpen").PersistKeysToDbContext<WehelpenDbContext>().ProtectKeysAtRest(builder);
        services.AddPersonalData<ClusterPersonalData>();
        var node = ClusterNode.Of(builder);
        services.AddSingleton(node);

        var database = DatabaseExtensions.Connection(builder);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = $"wehelpen {node.Name} bus" };
            services.AddKeyedSingleton(BusDatabase, (_, _) => NpgsqlDataSource.Create(connection.ConnectionString));
            services.AddSingleton<PostgresClusterBus>();
            services.AddSingleton<IClusterBus>(sp => sp.GetRequiredService<PostgresClusterBus>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresClusterBus>());
            services.AddHealthChecks().AddCheck<ClusterBusCheck>("cluster-bus", tags: ["ready"]);
        }
        else
        {
            services.AddSingleton<IClusterBus, SingleNodeBus>();
        }

        return builder;
    }
}

/// <summary>A node that cannot hear the others would show its users a world that stopped: not ready.</summary>
internal sealed class ClusterBusCheck(PostgresClusterBus bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bus.IsListening
            ? HealthCheckResult.Healthy("Listening to the other nodes.")
            : HealthCheckResult.Unhealthy("Not listening to the other nodes (LISTEN connection lost); reconnecting."));
}
