using System.Net;

namespace Wehelpen.Benchmarks.Http;

/// <summary>One call of one person: the path (their circle's, for circle pages), their sign-in header, and texts the answer must hold for it to be theirs.</summary>
internal sealed record HttpCall(string Path, string Header, params string[] Markers)
{
    /// <summary>The line of a wrk identities file (<see cref="Cluster.Wrk"/>): the path, a space, the header.</summary>
    public string WrkLine => $"{Path} {Header}";

    public HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Path);
        if (Header.Split(": ", 2) is [var name, var value]) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}

/// <summary>
/// One thing the http benchmark measures: its name in the result line, the ratio to /health/live it must reach, and
/// the calls wrk goes round. <see cref="CheckAsync"/> asks every call once before and after a measurement: a run whose
/// answers were a login page or someone else's data must not pass for a fast one.
/// </summary>
internal sealed record HttpEndpoint(string Name, string Kind, double Goal, IReadOnlyList<HttpCall> Calls)
{
    public const string Page = "page", Api = "api";

    /// <returns>The shortest body of the calls: wrk's bytes per answer (with headers) must not be less.</returns>
    public async Task<int> CheckAsync(HttpClient http, CancellationToken ct)
    {
        var shortest = int.MaxValue;
        foreach (var call in Calls)
        {
            using var request = call.Request();
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var missing = call.Markers.Where(m => !body.Contains(m, StringComparison.Ordinal)).ToList();
            if (response.StatusCode != HttpStatusCode.OK || missing.Count > 0)
                throw new InvalidOperationException($"{Name}: GET {call.Path} answered {(int)response.StatusCode}, without \"{string.Join("\", \"", missing)}\": {body[..Math.Min(body.Length, 400)]}");
            shortest = Math.Min(shortest, body.Length);
        }
        return shortest;
    }

    /// <summary>A client that sends the calls' headers as they are (as wrk does) and shows redirects instead of following them.</summary>
    public static HttpClient Client(Uri app) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app, Timeout = TimeSpan.FromSeconds(60) };
}
