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
    /// <remarks>
    /// The cookies are carried by hand, not by a CookieContainer: in Production they are Secure, which a container
    /// keeps from a plain-http address (the app on 127.0.0.1) although the app takes them from there.
    /// </remarks>
    public static async Task<string[]> CookieAsync(Uri proxy, IReadOnlyList<string> emails, CancellationToken ct)
    {
        var headers = new string[emails.Count];
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = proxy };
        await Parallel.ForEachAsync(Enumerable.Range(0, emails.Count), new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = ct }, async (i, token) =>
        {
            var cookies = new Dictionary<string, string>();
            using var page = await http.GetAsync("/account/login", token);
            Keep(page, cookies);
            var antiforgery = AntiforgeryField().Match(await page.Content.ReadAsStringAsync(token)) is { Success: true } m
                ? WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
                : throw new InvalidOperationException("The login page has no antiforgery field.");
            using var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = emails[i], ["Input.Password"] = NeighbourhoodData.Password, ["__RequestVerificationToken"] = antiforgery,
                }),
            };
            login.Headers.Add("Cookie", CookieHeader(cookies));
            using var response = await http.SendAsync(login, token);
            Keep(response, cookies);
            if (response.StatusCode != HttpStatusCode.Redirect || !cookies.ContainsKey("wehelpen.auth"))
                throw new InvalidOperationException($"Page login of {emails[i]} failed: {(int)response.StatusCode}");
            headers[i] = $"Cookie: {CookieHeader(cookies)}";
        });
        return headers;
    }

    /// <summary>The name=value of each Set-Cookie (a later one replacing an earlier one of the same name).</summary>
    private static void Keep(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var set)) return;
        foreach (var cookie in set)
            if (cookie.Split(';', 2)[0].Split('=', 2) is [var name, var value]) cookies[name.Trim()] = value;
    }

    private static string CookieHeader(Dictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)"|type="hidden" name="__RequestVerificationToken" value="([^"]+)" """)]
    private static partial Regex AntiforgeryField();
}
