using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Benchmarks.Live;

namespace Wehelpen.Benchmarks.Privacy;

/// <summary>
/// How long a person's export and an erasure take at size, on the real app (Release, Production, SQLite, its own
/// process): the export of someone who wrote 10,000 chat messages, and the erasure of a hoofdpersoon whose circle
/// holds 10,000 items, each with the same done for a person with 10 in the same run as the baseline (ratio). Each
/// measured call is the first for its person; one warm-up of each kind runs before, for the app's compilation.
/// </summary>
internal static class PrivacyBenchmark
{
    public static int Run(string[] args)
    {
        var size = int.Parse(ResultLine.OptionValue(args, "--items") ?? "10000");
        using var interruption = new Interruption();
        return RunAsync(size, interruption).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int size, Interruption interruption)
    {
        var ct = interruption.Token;
        var root = Directory.CreateTempSubdirectory("wehelpen-privacy-");
        AppUnderTest? app = null;
        try
        {
            var database = Path.Combine(root.FullName, "wehelpen.db");
            await LiveBenchmark.Stage("Migrating", () => PrivacySeed.MigrateAsync(database, ct));
            var (warmWriter, lightWriter, heavyWriter, warmCircle, lightCircle, busyCircle) = await LiveBenchmark.Stage($"Seeding writers and circles of 10 and {size:N0}", async () => (
                await PrivacySeed.PersonAsync(database, "Warm", 10, 0, ct),
                await PrivacySeed.PersonAsync(database, "Licht", 10, 0, ct),
                await PrivacySeed.PersonAsync(database, "Zwaar", size, 0, ct),
                await PrivacySeed.PersonAsync(database, "Opwarm", 4, 6, ct),
                await PrivacySeed.PersonAsync(database, "Klein", 4, 6, ct),
                await PrivacySeed.PersonAsync(database, "Druk", size * 4 / 10, size * 6 / 10, ct)));
            var log = Environment.GetEnvironmentVariable("PRIVACY_SQL_LOG");
            app = await LiveBenchmark.Stage("Starting the app", () => AppUnderTest.StartAsync(root.FullName, database, ct,
                log is null ? null : new Dictionary<string, string> { ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information" },
                log is null ? null : line => { lock (root) File.AppendAllText(log, line + "\n"); }));
            interruption.Guard(app);

            await ExportAsync(app, warmWriter, ct);
            var light = await ExportAsync(app, lightWriter, ct);
            var heavy = await ExportAsync(app, heavyWriter, ct);
            await EraseAsync(app, warmCircle, ct);
            var small = await EraseAsync(app, lightCircle, ct);
            var busy = await EraseAsync(app, busyCircle, ct);

            Console.WriteLine(ResultLine.Format("privacy",
                ("export_messages", heavyWriter.Messages), ("export_s", heavy.Seconds), ("export_mb", heavy.Bytes / 1e6),
                ("export_rows", heavy.Rows), ("export_light_s", light.Seconds), ("export_ratio", heavy.Seconds / light.Seconds),
                ("erase_items", busyCircle.Items), ("erase_s", busy.Seconds), ("erase_light_s", small.Seconds), ("erase_ratio", busy.Seconds / small.Seconds),
                ("app_errors", app.ErrorLines)));
            return heavy.Rows == heavyWriter.Messages && app.ErrorLines == 0 ? 0 : 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
        finally
        {
            app?.Dispose();
            root.Delete(recursive: true);
        }
    }

    private sealed record Timed(double Seconds, long Bytes, int Rows);

    /// <summary>From the request to the last byte of the ZIP, which is then checked: its chat file must hold every message.</summary>
    private static async Task<Timed> ExportAsync(AppUnderTest app, SeededPerson person, CancellationToken ct)
    {
        using var client = await LoginAsync(app, person.Email, ct);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync("/api/v1/account/export", HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        var zip = await response.Content.ReadAsByteArrayAsync(ct);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        using var messages = JsonDocument.Parse(archive.GetEntry("chat-messages.json")!.Open());
        return new Timed(seconds, zip.Length, messages.RootElement.GetArrayLength());
    }

    /// <summary>The account of the circle's hoofdpersoon, and with it the circle and everything in it.</summary>
    private static async Task<Timed> EraseAsync(AppUnderTest app, SeededPerson person, CancellationToken ct)
    {
        using var client = await LoginAsync(app, person.Email, ct);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/account")
        {
            Content = JsonContent.Create(new { password = PrivacySeed.Password }),
        }, ct);
        if (response.StatusCode != HttpStatusCode.NoContent)
            throw new InvalidOperationException($"Erasure answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        using var check = await client.GetAsync($"/api/v1/circles/{person.CircleId}", ct);
        if (check.StatusCode == HttpStatusCode.OK) throw new InvalidOperationException("The circle is still there.");
        return new Timed(seconds, 0, person.Items);
    }

    /// <summary>A client with the bearer token of a person seeded with <see cref="PrivacySeed.Password"/>.</summary>
    internal static async Task<HttpClient> LoginAsync(AppUnderTest app, string email, CancellationToken ct)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        using var login = await client.PostAsJsonAsync("/api/v1/account/login", new { email, password = PrivacySeed.Password }, ct);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
