using System.Data.Common;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Tests.Data;

/// <summary>
/// A database schema as sorted lines of text (tables, columns with type and nullability, indexes, foreign keys),
/// read from the database catalogue, so two databases can be compared and their differences printed. Quartz's own
/// tables (QRTZ_) are left out: they are not in the EF model, and Quartz verifies them itself at start-up. So are the
/// PostgreSQL tables of the nodes' bus and presence (Cluster*, LivePresence), which plain SQL reads and writes.
/// </summary>
internal static class SchemaDescription
{
    public static async Task<List<string>> ReadAsync(DbConnection connection, DatabaseProvider provider)
    {
        var lines = provider == DatabaseProvider.Sqlite
            ? await QueryAsync(connection, """
                SELECT 'column ' || m.name || '.' || p.name || ' ' || upper(p.type) || CASE WHEN p."notnull" THEN ' not null' ELSE ' null' END || CASE WHEN p.pk > 0 THEN ' pk' ELSE '' END
                  FROM sqlite_master m JOIN pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'QRTZ_%' AND m.name <> '__WehelpenMigrations'
                UNION ALL
                SELECT 'index ' || m.name || ' ' || il.name || CASE WHEN il."unique" THEN ' unique' ELSE '' END || ' (' ||
                       (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) || ')'
                  FROM sqlite_master m JOIN pragma_index_list(m.name) il
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'QRTZ_%' AND il.origin = 'c'
                UNION ALL
                SELECT 'foreign key ' || m.name || '.' || fk."from" || ' -> ' || fk."table" || '.' || fk."to" || ' on delete ' || fk.on_delete
                  FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) fk
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'QRTZ_%'
                """)
            : await QueryAsync(connection, """
                SELECT 'column ' || c.table_name || '.' || c.column_name || ' ' || c.data_type ||
                       coalesce('(' || c.character_maximum_length || ')', '') || CASE WHEN c.is_nullable = 'NO' THEN ' not null' ELSE ' null' END
                  FROM information_schema.columns c
                 WHERE c.table_schema = 'public' AND c.table_name <> '__WehelpenMigrations' AND c.table_name NOT LIKE 'qrtz_%' AND c.table_name NOT IN ('ClusterMessages', 'ClusterNodes', 'LivePresence')
                UNION ALL
                SELECT 'index ' || i.tablename || ' ' || i.indexname || ' ' || regexp_replace(i.indexdef, '^.* USING ', '')
                  FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename <> '__WehelpenMigrations' AND i.tablename NOT LIKE 'qrtz_%' AND i.tablename NOT IN ('ClusterMessages', 'ClusterNodes', 'LivePresence')
                UNION ALL
                SELECT 'constraint ' || tc.table_name || ' ' || tc.constraint_name || ' ' || tc.constraint_type
                  FROM information_schema.table_constraints tc
                 WHERE tc.table_schema = 'public' AND tc.table_name <> '__WehelpenMigrations' AND tc.table_name NOT LIKE 'qrtz_%' AND tc.table_name NOT IN ('ClusterMessages', 'ClusterNodes', 'LivePresence') AND tc.constraint_type <> 'CHECK'
                """);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> QueryAsync(DbConnection connection, string sql)
    {
        var lines = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines;
    }
}
