namespace Wehelpen.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Bound from the "Database" configuration section (environment: Database__Provider).</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
