using System.Net;
using System.Text.Json;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>
/// One thing wrk calls: a path, who calls it (a file of identities, see <see cref="Wrk"/>), and what a right answer
/// looks like. Every identity is checked once before the load and the first again after it: a run whose calls were
/// refused (an expired token, a login page instead of the volunteer's home) must not pass for a fast one.
/// </summary>
internal sealed record ClusterEndpoint(string Name, string Path, IReadOnlyList<string> HeaderLines, Func<string, bool> IsRight, string Expected)
{
    public static ClusterEndpoint Hello(string name = "hello") =>
        new(name, "/health/live", [""], body => body == "Healthy", "the text Healthy");

    public static ClusterEndpoint Nearby(IReadOnlyList<string> bearers) =>
        new("nearby", "/api/v1/requests/nearby", bearers, body => Items(body) is not null, "a nearby list with items");

    public static ClusterEndpoint Home() =>
        new("home", "/", [""], body => body.Contains("<html", StringComparison.Ordinal), "the home page");

    public static ClusterEndpoint HomeLoggedIn(IReadOnlyList<string> cookies) =>
        new("home_user", "/", cookies, body => body.Contains("Vrijwilliger ", StringComparison.Ordinal), "the home page of a logged-in volunteer");

    /// <summary>The number of requests in a nearby answer; null when it is not one.</summary>
    public static int? Items(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? items.GetArrayLength() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <returns>The bodies, one per identity checked; throws at the first wrong answer.</returns>
    public async Task<IReadOnlyList<string>> CheckAsync(Uri server, int identities, CancellationToken ct)
    {
        // Headers as wrk sends them: the Cookie header is this client's to set, not a cookie container's.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server };
        var bodies = new List<string>();
        foreach (var line in HeaderLines.Take(identities))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Path);
            if (line.Split(": ", 2) is [var name, var value]) request.Headers.TryAddWithoutValidation(name, value);
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK || !IsRight(body))
                throw new InvalidOperationException($"{Name}: GET {server}{Path.TrimStart('/')} answered {(int)response.StatusCode}, not {Expected}: {body[..Math.Min(body.Length, 300)]}");
            bodies.Add(body);
        }
        return bodies;
    }
}
