using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Wehelpen.Web.Data;

public sealed class WehelpenDbContext(DbContextOptions<WehelpenDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys behind login cookies, tokens and signed links: in the database, so every node shares them (Features/Cluster).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each feature keeps its own IEntityTypeConfiguration next to its entities, and features reach their tables
        // with Set<T>(): this context names no feature.
        builder.ApplyConfigurationsFromAssembly(typeof(WehelpenDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: stored as text, DateTimeOffset could not be compared or sorted in SQL.
        // Binary (ticks + offset) keeps order and works in WHERE and ORDER BY.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
