using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Wehelpen.Web.Data;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>
/// Writes entities of the app's model into PostgreSQL with COPY (binary), the columns and conversions taken from the
/// app's own EF model, so a row is exactly what the app would have saved. EF's SaveChanges takes minutes and
/// gigabytes for a million people; COPY takes seconds. Nothing the app derives from a save (matching, live news)
/// happens: whoever copies restarts the nodes afterwards, which load everything from the database.
/// </summary>
internal sealed class EntityCopy(WehelpenDbContext db, NpgsqlConnection connection)
{
    public async Task<int> WriteAsync<T>(IEnumerable<T> entities, CancellationToken ct) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} is not in the app's model.");
        var columns = entityType.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(), Mapping: (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        var columnList = string.Join(", ", columns.Select(c => $"\"{c.Column}\""));
        var rows = 0;
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{entityType.GetTableName()}\" ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var entity in entities)
        {
            await importer.StartRowAsync(ct);
            foreach (var (property, _, mapping) in columns)
            {
                var value = property.PropertyInfo?.GetValue(entity) ?? property.FieldInfo?.GetValue(entity);
                if (value is not null && mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                if (value is null) await importer.WriteNullAsync(ct);
                // "character varying(256)" is written as "character varying": the length is the table's to check.
                else await importer.WriteAsync(value, StoreTypeName(mapping.StoreType), ct);
            }
            rows++;
        }
        await importer.CompleteAsync(ct);
        return rows;
    }

    private static string StoreTypeName(string storeType) => storeType.Split('(')[0].Trim();
}
