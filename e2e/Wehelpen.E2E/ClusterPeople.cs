using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wehelpen.Web.Tests.Live;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>
/// Someone registered through the API of one node, confirmed by the link in their mail (a file in the cluster's mail
/// folder) and logged in: their bearer token works on every node, since the nodes share their Data Protection keys.
/// </summary>
public sealed record ClusterPerson(string Name, string Email, string Password, string UserId, string AccessToken)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Sends a request in this person's name to a node (or the proxy): relative paths go to <paramref name="baseUrl"/>.</summary>
    public Task<HttpResponseMessage> SendAsync(string baseUrl, HttpMethod method, string path, object? body = null, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(method, new Uri(new Uri(baseUrl), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        if (body is not null) request.Content = JsonContent.Create(body);
        return Http.SendAsync(request, ct);
    }

    /// <summary>As <see cref="SendAsync"/>, and the answer must be a success: its JSON body (or an empty element).</summary>
    public async Task<JsonElement> OkAsync(string baseUrl, HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(baseUrl, method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {baseUrl}{path} as {Name}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A hub connection of this person's on one node, straight to its WebSocket (no negotiate), with the bearer token.</summary>
    public Task<LiveConnection> HubAsync(string baseUrl) =>
        LiveConnection.StartAsync(new Uri(new Uri(baseUrl), "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(AccessToken));

    /// <summary>Logs in through the login page, as people do; the cookie then holds on every node.</summary>
    public async Task LogInAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mailadres").FillAsync(Email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Welkom, {Name}" })).ToBeVisibleAsync();
    }

    public static async Task<ClusterPerson> RegisterAsync(ClusterFixture cluster, string baseUrl, string name, string[] roles, string? postcode = null)
    {
        var email = $"e2e-{Guid.NewGuid():N}@example.org";
        const string password = "een lange zin als wachtwoord";
        using (var registered = await Http.PostAsJsonAsync(new Uri(new Uri(baseUrl), "/api/v1/account/register"),
                   new { email, password, displayName = name, roles, postcode, acceptPrivacyStatement = true }))
            Assert.True(registered.StatusCode == HttpStatusCode.Created, $"Registering {name}: {await registered.Content.ReadAsStringAsync()}");

        var (userId, code) = await ConfirmationLinkAsync(cluster.MailDir, email);
        using (var confirmed = await Http.PostAsJsonAsync(new Uri(new Uri(baseUrl), "/api/v1/account/confirm-email"), new { userId, code }))
            Assert.True(confirmed.IsSuccessStatusCode, $"Confirming {name}: {await confirmed.Content.ReadAsStringAsync()}");
        using var login = await Http.PostAsJsonAsync(new Uri(new Uri(baseUrl), "/api/v1/account/login"), new { email, password });
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(login.IsSuccessStatusCode, $"Logging in {name}: {tokens}");
        return new ClusterPerson(name, email, password, userId, tokens.GetProperty("accessToken").GetString()!);
    }

    /// <summary>A volunteer for shopping within 3 km of their postcode, at any time: saved through <paramref name="baseUrl"/>.</summary>
    public async Task BecomeVolunteerAsync(string baseUrl, string postcode) =>
        await OkAsync(baseUrl, HttpMethod.Put, "/api/v1/profile", new
        {
            displayName = Name,
            postcode,
            roles = new[] { "volunteer" },
            volunteer = new { categories = new[] { "shopping" }, serviceRadiusKm = 3, availability = Array.Empty<object>(), areas = Array.Empty<string>() },
        });

    /// <summary>The confirmation mail is written while the registration is answered; it is read from the shared mail folder.</summary>
    private static async Task<(string UserId, string Code)> ConfirmationLinkAsync(string mailDir, string email)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            foreach (var file in Directory.EnumerateFiles(mailDir, "*.json"))
            {
                string text;
                try { text = await File.ReadAllTextAsync(file); }
                catch (IOException) { continue; }
                if (!text.Contains(email, StringComparison.OrdinalIgnoreCase)) continue;
                var mail = JsonDocument.Parse(text).RootElement;
                if (!string.Equals(mail.GetProperty("To").GetString(), email, StringComparison.OrdinalIgnoreCase)) continue;
                var link = Regex.Match(mail.GetProperty("TextBody").GetString()!, @"/account/confirm-email\?userId=([^&\s]+)&code=([^\s""<>]+)");
                if (!link.Success) continue;
                return (Uri.UnescapeDataString(link.Groups[1].Value), Uri.UnescapeDataString(link.Groups[2].Value));
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No confirmation mail for {email} in {mailDir}.");
            await Task.Delay(100);
        }
    }
}

/// <summary>A care circle made through the API, with its members.</summary>
public sealed record ClusterCircle(Guid Id, ClusterPerson Coordinator, IReadOnlyList<ClusterPerson> Members)
{
    /// <summary><paramref name="coordinator"/> (a carer) starts a circle through <paramref name="baseUrl"/>; each member joins
    /// with the invitation's code through the node given with them.</summary>
    public static async Task<ClusterCircle> StartAsync(string baseUrl, ClusterPerson coordinator, string residentName, params (ClusterPerson Member, string Via)[] members)
    {
        var created = await coordinator.OkAsync(baseUrl, HttpMethod.Post, "/api/v1/circles", new { forMyself = false, residentName });
        var id = created.GetProperty("circle").GetProperty("id").GetGuid();
        if (members.Length > 0)
        {
            var invitation = await coordinator.OkAsync(baseUrl, HttpMethod.Post, $"/api/v1/circles/{id}/invitations",
                new { role = "member", validDays = 7, maxUses = members.Length });
            var code = invitation.GetProperty("code").GetString()!;
            foreach (var (member, via) in members) await member.OkAsync(via, HttpMethod.Post, $"/api/v1/invitations/{code}/accept");
        }
        return new ClusterCircle(id, coordinator, members.Select(m => m.Member).ToList());
    }

    public string Path => $"/circles/{Id}";

    /// <summary>A neighbourhood request for shopping near 1055 KL, in two days from ten to twelve; returns its id.</summary>
    public async Task<Guid> AskForShoppingAsync(string baseUrl, string title)
    {
        var posted = await Coordinator.OkAsync(baseUrl, HttpMethod.Post, $"/api/v1/circles/{Id}/requests", new
        {
            category = "shopping",
            title,
            description = "Melk, brood en koffie.",
            date = DateTime.Today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            from = "10:00",
            until = "12:00",
            postcode = "1055 KL",
            audience = "neighbourhood",
        });
        return posted.GetProperty("summary").GetProperty("id").GetGuid();
    }
}

/// <summary>Waiting for something to become true, within a deadline, checking again every so often (no fixed sleeps).</summary>
public static class Eventually
{
    /// <param name="describe">How the last value read is shown when time is up; a short list by default.</param>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what, TimeSpan? every = null, Func<T, string>? describe = null)
    {
        var deadline = DateTime.UtcNow + within;
        T last;
        while (true)
        {
            last = await read();
            if (done(last)) return last;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what}: not so after {within.TotalSeconds:0} s; last seen: {(describe ?? (v => Describe(v)))(last)}");
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(200));
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>().Take(20)) + "]",
        _ => value.ToString() ?? "",
    };
}
