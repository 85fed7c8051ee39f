using System.Net.Http.Json;
using System.Text.Json;

namespace Wehelpen.Benchmarks.Live;

/// <summary>
/// A bearer token for every person, through the app's own login API. Each login checks a PBKDF2 hash (tens of ms of
/// server CPU), so a few run at once: more would only queue on the two cores.
/// </summary>
internal static class Logins
{
    private const int AtOnce = 4;

    /// <summary>Fills in the tokens of these people, by their index.</summary>
    public static async Task LogInAsync(Uri baseAddress, IEnumerable<LoadPerson> people, string[] tokens, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = ct }, async (person, token) =>
        {
            using var response = await http.PostAsJsonAsync("/api/v1/account/login", new { email = person.Email, password = LoadPeople.Password }, token);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Login of {person.Email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(token));
            tokens[person.Index] = body.RootElement.GetProperty("accessToken").GetString()!;
        });
    }
}
