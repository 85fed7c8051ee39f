using Microsoft.EntityFrameworkCore;

namespace Wehelpen.Web.Data;

/// <summary>
/// `dotnet run --project src/Wehelpen.Web -- schema-script` prints the CREATE script of the current EF model for
/// the configured provider (set Database__Provider=Postgres for PostgreSQL; no server is needed). It is the
/// starting point for a new migration file: see docs/development.md "Changing the database".
/// </summary>
internal static class SchemaScriptCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "schema-script";

    public static void Run(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        Console.WriteLine(db.Database.GenerateCreateScript());
    }
}
