using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Wehelpen.Web.Data;

namespace Wehelpen.Benchmarks.Login;

/// <summary>
/// Confirmed accounts for the login benchmark, written straight into a fresh database with the app's own DbContext and
/// migrations (as the privacy benchmark does), all with one password hashed by Identity's own hasher.
/// </summary>
internal static class LoginSeed
{
    public const string Password = "wehelpen-login-benchmark";

    public static string Known(int i) => $"bekend{i}@login.wehelpen.test";

    public static string Unknown(int i) => $"onbekend{i}@login.wehelpen.test";

    public static string New(int i) => $"nieuw{i}@login.wehelpen.test";

    public static async Task AccountsAsync(string databasePath, int count, CancellationToken ct)
    {
        await using var db = Open(databasePath);
        await new SqlMigrator(db, new DatabaseOptions(), TimeProvider.System, NullLogger<SqlMigrator>.Instance).MigrateAsync(ct);
        var hash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password);
        var normalizer = new UpperInvariantLookupNormalizer();
        var joined = DateTimeOffset.UtcNow.AddDays(-30);
        for (var i = 0; i < count; i++)
            db.Users.Add(ApplicationUser.Confirmed(Known(i), $"Bekend {i}", hash, normalizer, joined));
        await db.SaveChangesAsync(ct);
    }

    private static WehelpenDbContext Open(string databasePath) =>
        new(new DbContextOptionsBuilder<WehelpenDbContext>().UseSqlite($"Data Source={databasePath}").Options);
}
