using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Accounts.TwoFactor;

namespace Wehelpen.Web.Tests.Circles;

/// <summary>People, circles and invitations set up through the API, as the app's users would.</summary>
public static class CircleSteps
{
    /// <summary>Registers, confirms and logs in a person; returns their API client and id.</summary>
    public static async Task<(HttpClient Client, string UserId)> PersonAsync(this WehelpenApplication app, string name, params string[] roles)
    {
        var email = EmailOf(name);
        var id = await app.RegisterConfirmedAsync(email, name, roles.Length == 0 ? ["carer"] : roles);
        return (await app.LoginAsync(email), id);
    }

    /// <summary>A cookie client logged in through the login page, as a browser would be.</summary>
    /// <param name="followRedirects">False to see where a page sends the browser (a refusal goes to the access-denied page).</param>
    public static async Task<HttpClient> BrowserAsync(this WehelpenApplication app, string name, bool followRedirects = false)
    {
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        var login = await PageForms.PostAsync(browser, "/account/login", [new("Input.Email", EmailOf(name)), new("Input.Password", WehelpenApplication.Password)]);
        Assert.True(login.StatusCode == (followRedirects ? HttpStatusCode.OK : HttpStatusCode.Redirect), $"Login of {name}: {login.StatusCode}");
        await app.CompleteBrowserLoginAsync(browser, EmailOf(name), login);
        // What the pages' scripts send with the login cookie when they call the API.
        browser.DefaultRequestHeaders.Add("RequestVerificationToken", await PageForms.ApiTokenAsync(browser));
        return browser;
    }

    /// <summary>"Carla Coördinator" signs up as carla.coordinator@example.nl.</summary>
    public static string EmailOf(string name) =>
        new string(name.Normalize(System.Text.NormalizationForm.FormD).ToLowerInvariant().Replace(' ', '.').Where(char.IsAscii).ToArray()) + "@example.nl";

    /// <summary>A circle the client's person creates for someone else; they become its coördinator.</summary>
    public static async Task<Guid> CreateCircleAsync(this HttpClient client, string residentName = "Jan de Vries", bool forMyself = false)
    {
        var response = await client.PostAsJsonAsync("/api/v1/circles", new { forMyself, residentName });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("circle").GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> InviteAsync(this HttpClient client, Guid circleId, string role = "member", int maxUses = 1, int validDays = 7)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/circles/{circleId}/invitations", new { role, maxUses, validDays });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<HttpResponseMessage> AcceptAsync(this HttpClient client, string codeOrToken) =>
        await client.PostAsync($"/api/v1/invitations/{Uri.EscapeDataString(codeOrToken)}/accept", null);

    /// <summary>Invites the other person with a code and has them accept it.</summary>
    public static async Task JoinAsync(this HttpClient coordinator, Guid circleId, HttpClient joiner, string role = "member")
    {
        var invitation = await coordinator.InviteAsync(circleId, role);
        var response = await joiner.AcceptAsync(invitation.GetProperty("code").GetString()!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// A circle with a coördinator and one member, and a stranger who coordinates a circle of their own, so that
    /// every test of a circle's ids can also try them as someone who belongs elsewhere.
    /// </summary>
    public static async Task<TwoCircles> TwoCirclesAsync(this WehelpenApplication app)
    {
        var (carer, carerId) = await app.PersonAsync("Carla Coördinator");
        var (member, memberId) = await app.PersonAsync("Mo Lid");
        var (stranger, strangerId) = await app.PersonAsync("Stan Vreemde");
        var circleId = await carer.CreateCircleAsync();
        await carer.JoinAsync(circleId, member);
        var otherCircleId = await stranger.CreateCircleAsync("Truus Anders");
        return new TwoCircles(circleId, carer, carerId, member, memberId, otherCircleId, stranger, strangerId, app.CreateApiClient());
    }
}

public sealed record TwoCircles(
    Guid CircleId, HttpClient Coordinator, string CoordinatorId,
    HttpClient Member, string MemberId,
    Guid OtherCircleId, HttpClient Stranger, string StrangerId,
    HttpClient Anonymous);
