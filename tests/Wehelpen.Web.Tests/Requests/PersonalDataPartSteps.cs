using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Tests.Requests;

/// <summary>
/// One feature's share of a person's data (IPersonalData), run on its own as the export and the erasure run every
/// share: found by a table it claims or a section it exports.
/// </summary>
public static class PersonalDataPartSteps
{
    public static async Task<List<JsonElement>> ExportAsync(WehelpenApplication app, string section, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rows = new List<JsonElement>();
        var found = scope.ServiceProvider.GetServices<IPersonalData>().SelectMany(p => p.Export(userId)).Single(s => s.Name == section);
        await foreach (var row in found.Rows(CancellationToken.None)) rows.Add(JsonSerializer.SerializeToElement(row));
        return rows;
    }

    public static Task EraseCircleAsync(WehelpenApplication app, string table, Guid circleId, DateTimeOffset now) =>
        RunAsync(app, table, p => p.EraseCircleAsync(new CircleErasure(circleId, now), CancellationToken.None));

    /// <summary>In one transaction with a save after the step, as AccountErasure runs each.</summary>
    private static async Task RunAsync(WehelpenApplication app, string table, Func<IPersonalData, Task> step)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        var part = scope.ServiceProvider.GetServices<IPersonalData>().Single(p => p.Columns.Any(c => c.Table == table));
        await using var transaction = await db.Database.BeginTransactionAsync();
        await step(part);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
