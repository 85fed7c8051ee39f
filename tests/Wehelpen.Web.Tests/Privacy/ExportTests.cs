using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Privacy;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Privacy;

/// <summary>"Mijn gegevens downloaden": everything about the person, in files a program reads and a page a person reads.</summary>
public sealed class ExportTests
{
    /// <summary>The Dutch and English texts (InterfaceTextTests keeps the two the same).</summary>
    private static readonly Dictionary<string, string> Texts = Localization.InterfaceTextTests.Texts("nl");

    [Theory, BothDatabases]
    public async Task The_export_holds_everything_the_person_wrote_and_did_with_a_readable_overview(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var world = await app.PieterWithCirclesAsync();
        PrivacySteps.Ok(await world.Pieter.GetAsync("/api/v1/calendar-feed"));

        var response = await world.Pieter.GetAsync("/api/v1/account/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("wehelpen-mijn-gegevens-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        string File(string name) => new StreamReader(zip.GetEntry(name)!.Open()).ReadToEnd();
        JsonElement[] Rows(string name) => JsonDocument.Parse(File($"{name}.json")).RootElement.EnumerateArray().ToArray();

        Assert.Equal(PietersWorld.Email, Assert.Single(Rows("account")).GetProperty("email").GetString());
        Assert.Equal(["resident", "volunteer"], Rows("roles").Select(r => r.GetProperty("role").GetString()).Order());
        Assert.Equal("Shopping", Assert.Single(Rows("volunteer-settings")).GetProperty("categories").GetString());
        Assert.Equal([PietersWorld.OwnCircleName, "Zorgcirkel van Oma Bep"], Rows("circles").Select(c => c.GetProperty("circle").GetString()).Order());
        Assert.Contains(Rows("chat-messages"), m => m.GetProperty("text").GetString() == PietersWorld.ChatInB);
        Assert.Contains(Rows("chat-messages"), m => m.GetProperty("text").GetString() == PietersWorld.ThreadMessage);
        Assert.DoesNotContain(Rows("chat-messages"), m => m.GetProperty("text").GetString() == "Carla-in-A-zeldzaam-6612"); // not his words
        Assert.Contains(Rows("logbook"), e => e.GetProperty("text").GetString() == PietersWorld.LogbookInB);
        Assert.Contains(Rows("note-revisions"), r => r.GetProperty("text").GetString() == "Notitie-A-zeldzaam-5521");
        Assert.Contains(Rows("appointments"), a => a.GetProperty("place").GetString() == "Ziekenhuis-zeldzaam-8812");
        Assert.Contains(Rows("requests"), r => r.GetProperty("title").GetString() == "Vraag van Pieter voor Oma Bep");
        Assert.Equal(["Naar de apotheek voor Oma Bep", "Vuilnis buiten zetten"], Rows("tasks").Select(t => t.GetProperty("title").GetString()).Order());
        Assert.Contains(Rows("request-events"), e => e.GetProperty("change").GetString() == "Claimed" && e.GetProperty("byYou").GetBoolean());
        Assert.True(Assert.Single(Rows("calendar-feed")).GetProperty("exists").GetBoolean());
        Assert.DoesNotContain("token", File("calendar-feed.json"), StringComparison.OrdinalIgnoreCase);

        // Every file and every column has a title in both languages: the overview never shows a program's name for it.
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".json")))
        {
            var section = entry.Name[..^5];
            Assert.True(Texts.ContainsKey($"Export.Section.{section}"), $"No title for {section}");
            foreach (var row in Rows(section))
                foreach (var field in row.EnumerateObject())
                    Assert.True(Texts.ContainsKey($"Export.Field.{char.ToUpperInvariant(field.Name[0])}{field.Name[1..]}"), $"No label for {section}.{field.Name}");
        }

        var overview = File("overzicht.html");
        Assert.Contains("Uw gegevens bij Wehelpen", overview);
        Assert.Contains(PietersWorld.ChatInB, overview);
        Assert.Contains("Berichten die u stuurde", overview);
        Assert.Contains("<th scope=\"col\">Tekst</th>", overview);
    }

    [Theory, BothDatabases]
    public async Task An_export_begun_before_an_erasure_is_complete(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var world = await app.PieterWithCirclesAsync();

        await using var scope = app.Services.CreateAsyncScope();
        await using var session = await scope.ServiceProvider.GetRequiredService<DataExport>().OpenAsync(world.PieterId, CancellationToken.None);
        Assert.NotNull(session);
        PrivacySteps.Ok(await world.Pieter.EraseAccountAsync(WehelpenApplication.Password));
        using var written = new MemoryStream();
        await session.WriteAsync(written, CancellationToken.None);

        written.Position = 0;
        using var zip = new ZipArchive(written);
        var messages = JsonDocument.Parse(new StreamReader(zip.GetEntry("chat-messages.json")!.Open()).ReadToEnd()).RootElement;
        Assert.Equal(3, messages.GetArrayLength());
        Assert.Contains(PietersWorld.Email, new StreamReader(zip.GetEntry("account.json")!.Open()).ReadToEnd());
        // The erasure ended Pieter's sessions: his token is refused from now on.
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.Pieter.GetAsync("/api/v1/account/export")).StatusCode);
    }
}
