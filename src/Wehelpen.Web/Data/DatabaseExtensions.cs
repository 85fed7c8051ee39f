using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Data;

public static class DatabaseExtensions
{
    public const string ConnectionStringName = "Wehelpen";
    private const string DefaultSqlite = "Data Source=data/wehelpen.db";

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);

        builder.Services.AddSingleton(options);
        Action<DbContextOptionsBuilder> useProvider;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = ResolveSqliteFile(connectionString ?? DefaultSqlite, builder.Environment.ContentRootPath);
            useProvider = o => o.UseSqlite(sqlite).AddInterceptors(new SqlitePragmas());
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Wehelpen is empty. Set ConnectionStrings__Wehelpen.");
            useProvider = o => o.UseNpgsql(connectionString);
        }
        // The options are made once, from the root services (so interceptors must be singletons), and each request
        // makes a light context on them. Not pooled: see docs/decisions/no-dbcontext-pooling.md.
        builder.Services.AddDbContext<WehelpenDbContext>((services, o) =>
        {
            useProvider(o);
            o.AddInterceptors(services.GetServices<IInterceptor>());
        }, ServiceLifetime.Scoped, ServiceLifetime.Singleton);

        builder.Services.AddScoped<SqlMigrator>();
        builder.Services.AddHealthChecks().AddDbContextCheck<WehelpenDbContext>("database", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// The engine and the connection string as the app uses them (a relative SQLite file made absolute), for the
    /// parts that open their own connections: Quartz's job store.
    /// </summary>
    public static DatabaseConnection Connection(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        return options.Provider == DatabaseProvider.Sqlite
            ? new DatabaseConnection(options.Provider, ResolveSqliteFile(connectionString ?? DefaultSqlite, builder.Environment.ContentRootPath))
            : new DatabaseConnection(options.Provider, connectionString ?? "");
    }

    /// <summary>Applies pending migrations before the app serves anything; several nodes may start at once.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SqlMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
    }

    /// <summary>A relative SQLite path is taken from the app's folder, and its folder is created.</summary>
    internal static string ResolveSqliteFile(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is not (":memory:" or "") && csb.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(csb.DataSource) ? csb.DataSource : Path.Combine(contentRoot, csb.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }
        return csb.ToString();
    }
}

public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString);
