using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Notes;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Privacy;

/// <summary>
/// Pieter, a resident who also volunteers, with a circle of his own (Carla coordinates it) and a place in Bert's circle
/// around Oma Bep, where he wrote, asked, helped and was about to help. Everything he and his circle hold carries
/// words found nowhere else, so that a scan can tell whether any of it is left.
/// </summary>
public sealed record PietersWorld(
    HttpClient Pieter, string PieterId, Guid OwnCircle, HttpClient Carla, HttpClient Bert, Guid BertsCircle,
    Guid OpenAsk, Guid TaskInHand, Guid TaskDone, Guid OwnRequest)
{
    public const string Name = "Pieter Privacyman";
    public static readonly string Email = CircleSteps.EmailOf(Name);
    public const string OwnCircleName = "Kring Zeldzaamwoord";
    public const string Address = "Privacystraat 12";
    public const string Phone = "06 9876 5432";

    /// <summary>What must be gone after Pieter's erasure: who he is, and everything of his own circle (whoever wrote it).</summary>
    public static readonly string[] Traces =
    [
        Name, "Privacyman", Email, Address, Phone, OwnCircleName,
        "Logboek-A-zeldzaam-7781", "Chat-A-zeldzaam-4410", "Notitie-A-zeldzaam-5521", "Afspraak-A-zeldzaam-3391",
        "Ziekenhuis-zeldzaam-8812", "Hulpvraag-A-zeldzaam-2281", "Carla-in-A-zeldzaam-6612",
    ];

    /// <summary>What Pieter wrote in Bert's circle: it stays there, for Oma Bep's record.</summary>
    public const string ChatInB = "Tot dinsdag, ik neem de krant mee";
    public const string LogbookInB = "Oma Bep was vrolijk vandaag en at goed";
    public const string ThreadMessage = "Ik sta om tien uur voor de deur";
}

public static class PrivacySteps
{
    public static async Task<PietersWorld> PieterWithCirclesAsync(this WehelpenApplication app)
    {
        var (pieter, pieterId) = await app.PersonAsync(PietersWorld.Name, "resident", "volunteer");
        var (carla, _) = await app.PersonAsync("Carla Coördinator");
        var (bert, _) = await app.VolunteerAsync("Bert Buurman");
        await MakeVolunteerAsync(pieter);

        // His own circle, with words that exist only there.
        var own = (await (await pieter.PostAsJsonAsync("/api/v1/circles", new { forMyself = true })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("circle").GetProperty("id").GetGuid();
        Ok(await pieter.PutAsJsonAsync($"/api/v1/circles/{own}", new { name = PietersWorld.OwnCircleName }));
        await pieter.JoinAsync(own, carla, "coordinator");
        Ok(await pieter.PostAsJsonAsync($"/api/v1/circles/{own}/logbook", new { text = "Logboek-A-zeldzaam-7781" }));
        Ok(await pieter.PostAsJsonAsync($"/api/v1/circles/{own}/chat", new { clientMessageId = "a1", text = "Chat-A-zeldzaam-4410" }));
        Ok(await carla.PostAsJsonAsync($"/api/v1/circles/{own}/chat", new { clientMessageId = "c1", text = "Carla-in-A-zeldzaam-6612" }));
        await pieter.CreateNoteAsync(own, "Medicijnen", "Notitie-A-zeldzaam-5521");
        Ok(await pieter.PostAsJsonAsync($"/api/v1/circles/{own}/agenda",
            new { title = "Afspraak-A-zeldzaam-3391", place = "Ziekenhuis-zeldzaam-8812", date = "2026-11-30", startTime = "10:00", endTime = "11:00" }));
        var ownRequest = await carla.PostedIdAsync(own, With(RequestSteps.Shopping(), "Hulpvraag-A-zeldzaam-2281", PietersWorld.Address, PietersWorld.Phone));

        // Bert's circle around Oma Bep, where Pieter is a member and a helper.
        var bertsCircle = await bert.CreateCircleAsync("Oma Bep");
        await bert.JoinAsync(bertsCircle, pieter);
        Ok(await pieter.PostAsJsonAsync($"/api/v1/circles/{bertsCircle}/chat", new { clientMessageId = "b1", text = PietersWorld.ChatInB }));
        Ok(await pieter.PostAsJsonAsync($"/api/v1/circles/{bertsCircle}/logbook", new { text = PietersWorld.LogbookInB }));
        var openAsk = await pieter.PostedIdAsync(bertsCircle, With(RequestSteps.Shopping("circle"), "Vraag van Pieter voor Oma Bep"));
        var taskInHand = await bert.PostedIdAsync(bertsCircle, With(RequestSteps.Shopping("circle"), "Naar de apotheek voor Oma Bep"));
        Ok(await pieter.ActAsync(taskInHand, "claim"));
        var taskDone = await bert.PostedIdAsync(bertsCircle, With(RequestSteps.Shopping("circle"), "Vuilnis buiten zetten"));
        Ok(await pieter.ActAsync(taskDone, "claim"));
        Ok(await pieter.PostAsJsonAsync($"/api/v1/requests/{taskDone}/chat", new { clientMessageId = "t1", text = PietersWorld.ThreadMessage }));
        Ok(await pieter.ActAsync(taskDone, "done"));
        return new PietersWorld(pieter, pieterId, own, carla, bert, bertsCircle, openAsk, taskInHand, taskDone, ownRequest);
    }

    public static Task<HttpResponseMessage> EraseAccountAsync(this HttpClient client, string? password) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/account") { Content = JsonContent.Create(new { password }) });

    private static async Task MakeVolunteerAsync(HttpClient client)
    {
        var response = await client.PutAsJsonAsync("/api/v1/profile", new
        {
            displayName = PietersWorld.Name, postcode = "1055 KL", roles = new[] { "resident", "volunteer" },
            volunteer = new { categories = new[] { "shopping" }, serviceRadiusKm = 3, availability = Array.Empty<object>() },
        });
        Ok(response);
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> request, string title, string? address = null, string? phone = null)
    {
        request["title"] = title;
        request["address"] = address;
        request["phone"] = phone;
        return request;
    }

    public static void Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().Result}");

    /// <summary>Every text column of every table that holds one of <paramref name="needles"/> (case-insensitive), as "table.column: needle".</summary>
    public static async Task<IReadOnlyList<string>> FindInDatabaseAsync(this WehelpenApplication app, IEnumerable<string> needles)
    {
        var found = new List<string>();
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(app.ConnectionString);
            await connection.OpenAsync();
            foreach (var (table, column) in await ColumnsAsync(connection, "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"))
                foreach (var needle in needles)
                    if (await CountAsync(connection, $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE $n", needle) > 0)
                        found.Add($"{table}.{column}: {needle}");
        }
        else
        {
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            foreach (var (table, column) in await ColumnsAsync(connection,
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')"))
                foreach (var needle in needles)
                    if (await CountAsync(connection, $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS text) ILIKE $1", needle) > 0)
                        found.Add($"{table}.{column}: {needle}");
        }
        return found;
    }

    /// <summary>The raw bytes of the SQLite database file and its write-ahead log: which needles are in them (as UTF-8, any case of the ASCII letters).</summary>
    public static IReadOnlyList<string> FindInDatabaseFiles(this WehelpenApplication app, IEnumerable<string> needles)
    {
        var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        var found = new List<string>();
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            byte[] bytes;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var memory = new MemoryStream())
            {
                stream.CopyTo(memory);
                bytes = memory.ToArray();
            }
            var lower = AsciiLower(bytes);
            foreach (var needle in needles)
                if (lower.AsSpan().IndexOf(AsciiLower(Encoding.UTF8.GetBytes(needle))) >= 0)
                    found.Add($"{Path.GetFileName(path)}: {needle}");
        }
        return found;
    }

    private static byte[] AsciiLower(byte[] bytes) => bytes.Select(b => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b).ToArray();

    private static async Task<List<(string, string)>> ColumnsAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var columns = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    private static async Task<long> CountAsync(System.Data.Common.DbConnection connection, string sql, string needle)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = connection is SqliteConnection ? "$n" : "";
        parameter.Value = $"%{needle}%";
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
