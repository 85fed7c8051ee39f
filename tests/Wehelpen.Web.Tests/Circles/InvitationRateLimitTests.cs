using System.Net;
using System.Text.RegularExpressions;

namespace Wehelpen.Web.Tests.Circles;

/// <summary>Accepting an invitation counts with looking codes up, on the join page and the API together, per person.</summary>
public sealed partial class InvitationRateLimitTests
{
    [Theory, BothDatabases]
    public async Task Accepting_on_the_page_and_the_API_is_limited_per_person(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, new() { ["RateLimits:InvitationLookupsPerQuarterHour"] = "3" });
        var c = await app.TwoCirclesAsync();
        var (pienApi, _) = await app.PersonAsync("Pien Probeer");
        using var pien = await app.BrowserAsync("Pien Probeer");
        const string path = "/join/ABCD-EFG2";

        var form = await pien.GetStringAsync(path);
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        var accept = () => pien.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, (await accept()).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pienApi.AcceptAsync("ABCD-EFG3")).StatusCode);
        var onPage = await accept();
        var overApi = await pienApi.AcceptAsync("ABCD-EFG4");

        Assert.Contains("Er zijn in korte tijd te veel pogingen gedaan.", await RateLimitAssert.IsLimitedPageAsync(onPage));
        Assert.Equal("Er zijn in korte tijd te veel pogingen gedaan. Wacht een paar minuten en probeer het dan opnieuw.", await RateLimitAssert.IsLimitedAsync(overApi));
        // Someone else accepts a real invitation as usual.
        var invitation = await c.Coordinator.InviteAsync(c.CircleId);
        Assert.Equal(HttpStatusCode.OK, (await c.Stranger.AcceptAsync(invitation.GetProperty("code").GetString()!)).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
