using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Wehelpen.Web.Data;
using Wehelpen.Web.Tests.Data;
using Wehelpen.Web.Tests.Localization;

namespace Wehelpen.Web.Tests.Privacy;

/// <summary>
/// The register of processing (docs/privacy/register.md) names every table of the database: a table added without
/// its row in the register fails here, and so does a row for a table that is gone.
/// </summary>
public sealed partial class RegisterTests
{
    private static readonly string RegisterFile = Path.Combine(InterfaceTextTests.RepositoryRoot(), "docs", "privacy", "register.md");

    /// <summary>Written into the register while their features are being built; they may be missing for now.</summary>
    private static readonly string[] BeingAdded = ["ConsentRecords", "AddressViews"];

    /// <summary>The nodes' bus and presence exist only on PostgreSQL (migration 0013).</summary>
    private static readonly string[] PostgresOnly = ["ClusterMessages", "ClusterNodes", "LivePresence"];

    /// <summary>What every table's section must say.</summary>
    private static readonly string[] Fields = ["Personal data", "Purpose", "Legal basis", "Who sees it", "Retention", "Erasure"];

    [Theory, BothDatabases]
    public async Task Every_table_of_the_migrated_database_is_in_the_register_and_every_table_in_it_exists(DatabaseProvider provider)
    {
        var sections = Sections();
        var tables = await TablesAsync(provider);
        Assert.True(tables.Count > 40, "the test must actually see the schema");

        var missing = tables.Where(t => !sections.Any(s => s.Covers(t))).ToList();
        Assert.True(missing.Count == 0,
            $"Tables of the {provider} database that docs/privacy/register.md does not name in a '### ' heading: {string.Join(", ", missing)}. " +
            "Add a section for each: what personal data it holds, purpose, legal basis, who sees it, retention, erasure.");

        var elsewhere = provider == DatabaseProvider.Sqlite ? PostgresOnly : [];
        var gone = sections.SelectMany(s => s.Names).Where(n => !n.EndsWith('*'))
            .Where(n => !tables.Contains(n) && !BeingAdded.Contains(n) && !elsewhere.Contains(n)).ToList();
        Assert.True(gone.Count == 0, $"docs/privacy/register.md names tables that the {provider} database does not have: {string.Join(", ", gone)}");
    }

    [Fact]
    public void Every_section_of_the_register_says_what_data_why_on_what_basis_who_sees_it_how_long_and_what_erasure_does()
    {
        var incomplete = Sections()
            .Select(s => (s.Heading, Missing: Fields.Where(f => !s.Text.Contains($"**{f}**", StringComparison.Ordinal)).ToList()))
            .Where(s => s.Missing.Count > 0)
            .Select(s => $"{s.Heading}: {string.Join(", ", s.Missing)}")
            .ToList();
        Assert.True(incomplete.Count == 0, "Sections of docs/privacy/register.md without every field:\n" + string.Join("\n", incomplete));
        Assert.Contains(Sections(), s => s.Covers("AspNetUsers"));
    }

    private sealed record Section(string Heading, IReadOnlyList<string> Names, string Text)
    {
        /// <summary>A name ending in * stands for a group ("QRTZ_*": Quartz's tables, lower case on PostgreSQL).</summary>
        public bool Covers(string table) => Names.Any(n => n.EndsWith('*')
            ? table.StartsWith(n[..^1], StringComparison.OrdinalIgnoreCase)
            : n == table);
    }

    /// <summary>Each "### " heading of the register names its tables in backticks; the section runs to the next heading.</summary>
    private static List<Section> Sections()
    {
        Assert.True(File.Exists(RegisterFile), $"{RegisterFile} is missing");
        var sections = new List<Section>();
        var lines = File.ReadAllLines(RegisterFile);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("### ", StringComparison.Ordinal)) continue;
            var names = Quoted().Matches(lines[i]).Select(m => m.Groups[1].Value).ToList();
            if (names.Count == 0) continue;
            var end = Array.FindIndex(lines, i + 1, l => l.StartsWith('#'));
            var text = string.Join("\n", lines[(i + 1)..(end < 0 ? lines.Length : end)]);
            sections.Add(new Section(lines[i], names, text));
        }
        return sections;
    }

    private static async Task<HashSet<string>> TablesAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = MigrationTests.Context(database);
        await new SqlMigrator(db, new DatabaseOptions { Provider = provider }, TimeProvider.System, NullLogger<SqlMigrator>.Instance).MigrateAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
        return await ReadAsync(command);
    }

    private static async Task<HashSet<string>> ReadAsync(DbCommand command)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    [GeneratedRegex("`([A-Za-z_][A-Za-z0-9_]*\\*?)`")]
    private static partial Regex Quoted();
}
