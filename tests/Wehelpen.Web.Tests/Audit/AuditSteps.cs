using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Platform.Audit;

namespace Wehelpen.Web.Tests.Audit;

public static class AuditSteps
{
    public const string Api = "/api/v1/admin/audit";

    /// <summary>As a browser behind the proxy (nginx on the loopback) is seen: the proxy says who the client is.</summary>
    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>Every entry, oldest first, straight from the database.</summary>
    public static Task<List<AuditEntry>> AuditEntriesAsync(this WehelpenApplication app) =>
        app.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    /// <summary>One page of the log through the API, as an admin reads it.</summary>
    public static async Task<JsonElement> AuditPageAsync(this HttpClient admin, string query = "")
    {
        var response = await admin.GetAsync(Api + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Api}{query}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Asserts that the newest entries since <paramref name="before"/> are exactly these, and returns them.</summary>
    public static async Task<List<AuditEntry>> NewEntriesAsync(this WehelpenApplication app, int before, params string[] actions)
    {
        var added = (await app.AuditEntriesAsync()).Skip(before).ToList();
        Assert.Equal(actions, added.Select(e => e.Action));
        return added;
    }

    /// <summary>Entries written straight into the database, for what the page does with many of them.</summary>
    public static Task SeedAsync(this WehelpenApplication app, IEnumerable<AuditEntry> entries) =>
        app.QueryAsync(async db =>
        {
            db.AddRange(entries);
            return await db.SaveChangesAsync();
        });
}
