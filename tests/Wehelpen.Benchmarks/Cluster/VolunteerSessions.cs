using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>
/// Volunteers logged in as their apps and browsers are: a bearer token from the login API (for /api/v1), and the login
/// cookie from the login page (for the pages), each through the proxy, so both nodes share the password checks. A
/// login checks a PBKDF2 hash (tens of ms of server CPU); a few at once are all two cores can use.
/// </summary>
internal static partial class VolunteerSessions
{
    private const int AtOnce = 4;

    /// <returns>"Authorization: Bearer ..." per volunteer, in order.</returns>
    public static async Task<string[]> BearerAsync(Uri proxy, IReadOnlyList<string> emails, CancellationToken ct)
    {
        var headers = new string[emails.Count];
        using var http = new HttpClient { BaseAddress = proxy };
        await Parallel.ForEachAsync(Enumerable.Range(0, emails.Count), new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = ct }, async (i, token) =>
        {
            using var response = await http.PostAsJsonAsync("/api/v1/account/login", new { email = emails[i], password = NeighbourhoodData.Password }, token);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Login of {emails[i]} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(token));
            headers[i] = $"Authorization: Bearer {body.RootElement.GetProperty("accessToken").GetString()}";
        });
        return headers;
    }

    /// <returns>"Cookie: ..." per volunteer, in order: the login cookie and the antiforgery cookie, as a browser sends them.</returns>
    public static async Task<string[]> CookieAsync(Uri proxy, IReadOnlyList<string> emails, CancellationToken ct)
    {
        var headers = new string[emails.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, emails.Count), new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = ct }, async (i, token) =>
        {
            var cookies = new CookieContainer();
            using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
            using var http = new HttpClient(handler) { BaseAddress = proxy };
            var page = await http.GetStringAsync("/account/login", token);
            var antiforgery = AntiforgeryField().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
                : throw new InvalidOperationException("The login page has no antiforgery field.");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = emails[i], ["Input.Password"] = NeighbourhoodData.Password, ["__RequestVerificationToken"] = antiforgery,
            });
            using var response = await http.PostAsync("/account/login", form, token);
            var sent = cookies.GetCookies(proxy);
            if (response.StatusCode != HttpStatusCode.Redirect || sent["wehelpen.auth"] is null)
                throw new InvalidOperationException($"Page login of {emails[i]} failed: {(int)response.StatusCode}");
            headers[i] = $"Cookie: {string.Join("; ", sent.Select(c => $"{c.Name}={c.Value}"))}";
        });
        return headers;
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)"|type="hidden" name="__RequestVerificationToken" value="([^"]+)" """)]
    private static partial Regex AntiforgeryField();
}
