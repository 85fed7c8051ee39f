using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Tests.Privacy;

/// <summary>
/// A new table or column with a person's id must be claimed by a feature's export and erasure
/// (<see cref="IPersonalData"/>): this fails until it is. What counts as a person's id is read from the database itself:
/// a foreign key to the accounts, or any other column named …Id that is not a foreign key to something else (an id
/// without a key could be anyone's). The few of those that hold no person are listed here with why.
/// </summary>
public sealed class PersonalDataCoverageTests
{
    /// <summary>Columns named like an id, without a foreign key, that hold no person.</summary>
    private static readonly Dictionary<string, string> NotAPerson = new()
    {
        ["Reminders.SubjectId"] = "the appointment or request a reminder is about",
        ["ChatMessages.ClientMessageId"] = "the id the sender's device gave a message",
        ["AuditLog.TargetId"] = "what an administrative action was done to (an organisation, a report, a job); the person it was about is SubjectId",
    };

    [Theory, BothDatabases]
    public async Task Every_column_with_a_person_id_is_claimed_by_a_feature_for_export_and_erasure(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var claimed = scope.ServiceProvider.GetServices<IPersonalData>().SelectMany(p => p.Columns)
            .Select(c => $"{c.Table}.{c.Column}").ToHashSet();

        var (personColumns, tables) = await PersonColumnsAsync(app);
        Assert.Contains("ChatMessages.AuthorId", personColumns); // the detection finds what it should

        var unclaimed = personColumns.Where(c => !claimed.Contains(c) && !NotAPerson.ContainsKey(c)).Order().ToList();
        Assert.True(unclaimed.Count == 0, "Columns with a person's id that no feature exports and erases: " + string.Join(", ", unclaimed));
        // A table of one database only (LivePresence is PostgreSQL's) is claimed where it exists.
        var gone = claimed.Where(c => !personColumns.Contains(c) && tables.Contains(c.Split('.')[0])).ToList();
        Assert.True(gone.Count == 0, "Claimed but not in the database (a typo?): " + string.Join(", ", gone));
    }

    private static async Task<(HashSet<string> Columns, HashSet<string> Tables)> PersonColumnsAsync(WehelpenApplication app)
    {
        var found = new HashSet<string>();
        var tables = new HashSet<string>();
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(app.ConnectionString);
            await connection.OpenAsync();
            foreach (var (table, column, references) in await ReadAsync(connection, """
                SELECT m.name, p.name, (SELECT f."table" FROM pragma_foreign_key_list(m.name) f WHERE f."from" = p.name)
                FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'
                """))
            {
                tables.Add(table);
                if (IsPerson(table, column, references)) found.Add($"{table}.{column}");
            }
        }
        else
        {
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            foreach (var (table, column, references) in await ReadAsync(connection, """
                SELECT c.table_name, c.column_name,
                    (SELECT ccu.table_name FROM information_schema.key_column_usage k
                     JOIN information_schema.referential_constraints r ON r.constraint_name = k.constraint_name
                     JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = r.unique_constraint_name
                     WHERE k.table_name = c.table_name AND k.column_name = c.column_name LIMIT 1)
                FROM information_schema.columns c WHERE c.table_schema = 'public'
                """))
            {
                tables.Add(table);
                if (IsPerson(table, column, references)) found.Add($"{table}.{column}");
            }
        }
        found.Add("AspNetUsers.Id");
        return (found, tables);
    }

    private static bool IsPerson(string table, string column, string? references) =>
        references == "AspNetUsers" || (references is null && column != "Id" && column.EndsWith("Id", StringComparison.Ordinal));

    private static async Task<List<(string, string, string?)>> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<(string, string, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        return rows;
    }
}
