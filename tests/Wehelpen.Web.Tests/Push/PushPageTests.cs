using System.Net;
using System.Net.Http.Json;
using Wehelpen.Web.Features.Push;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Push;

/// <summary>/profile/push: what push.js does with the login cookie, the list of devices, and turning one off.</summary>
public sealed partial class PushPageTests
{
    /// <summary>A page without its antiforgery tokens, which differ per answer: the rest must be the same.</summary>
    private static string WithoutTokens(string html) => Token().Replace(html, "");

    [System.Text.RegularExpressions.GeneratedRegex("\"CfDJ8[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex Token();

    [Theory, BothDatabases]
    public async Task The_page_turns_a_device_on_as_its_script_does_lists_it_and_turns_it_off(DatabaseProvider provider)
    {
        var (app, _, service, vapid) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        await app.PersonAsync("Carla Coördinator");
        using var browser = await app.BrowserAsync("Carla Coördinator");
        browser.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1");

        var page = await browser.PageAsync("/profile/push");
        Assert.Contains($"data-public-key=\"{vapid.PublicKey}\"", page);
        Assert.Contains("U hebt nog op geen enkel apparaat meldingen aan.", page);

        // push.js: the browser's subscription, posted with the login cookie and the page's antiforgery token.
        var created = await browser.PostAsJsonAsync("/api/v1/push/subscriptions", PushSteps.SubscriptionOf(service.NewSubscriber(vapid.PublicKey)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<PushDeviceResponse>())!.Id;
        Assert.Contains("Safari op iPhone", await browser.PageAsync("/profile/push"));

        var off = await PageForms.PostAsync(browser, "/profile/push?handler=Remove", [new("deviceId", id.ToString())], "/profile/push");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var after = await browser.PageAsync("/profile/push");
        Assert.Contains("Meldingen op dat apparaat staan uit.", after);
        Assert.DoesNotContain("Safari op iPhone", after);
    }

    [Theory, BothDatabases]
    public async Task A_stranger_cannot_turn_off_someone_elses_device_from_the_page(DatabaseProvider provider)
    {
        var (app, _, service, vapid) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var c = await app.TwoCirclesAsync();
        var id = await c.Coordinator.SubscribeAsync(service.NewSubscriber(vapid.PublicKey));
        using var stranger = await app.BrowserAsync("Stan Vreemde");

        var theirs = await PageForms.PostAsync(stranger, "/profile/push?handler=Remove", [new("deviceId", id.ToString())], "/profile/push");
        var none = await PageForms.PostAsync(stranger, "/profile/push?handler=Remove", [new("deviceId", Guid.CreateVersion7().ToString())], "/profile/push");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(WithoutTokens(await none.Content.ReadAsStringAsync()), WithoutTokens(await theirs.Content.ReadAsStringAsync()));
        Assert.Single((await c.Coordinator.GetFromJsonAsync<List<PushDeviceResponse>>("/api/v1/push/subscriptions"))!);
    }

    [Theory, BothDatabases]
    public async Task Quiet_hours_with_one_time_missing_are_shown_again_with_the_message_and_nothing_changes(DatabaseProvider provider)
    {
        var (app, _, service, _) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var (carla, _) = await app.PersonAsync("Carla Coördinator");
        using var browser = await app.BrowserAsync("Carla Coördinator");

        var half = await PageForms.PostAsync(browser, "/profile/push?handler=Settings",
            [new("Input.QuietFrom", "23:00"), new("Input.QuietUntil", "")], "/profile/push");

        Assert.Contains("Vul allebei de tijden in, of laat ze allebei leeg voor geen stille uren.", await half.PageAsync());
        Assert.Equal(new PushSettingsResponse("22:00", "08:00", false), await carla.GetFromJsonAsync<PushSettingsResponse>("/api/v1/push/settings"));
    }

    [Theory, BothDatabases]
    public async Task After_a_first_claim_pushes_are_suggested_once_and_never_to_someone_who_has_them_on(DatabaseProvider provider)
    {
        const string Suggestion = "Het meteen weten als iemand u nodig heeft?";
        var (app, _, service, vapid) = await PushSteps.StartAsync(provider);
        await using var _app = app;
        await using var _service = service;
        var c = await app.TwoCirclesAsync();
        await app.VolunteerNearAsync("Vera Vrijwilliger");
        var (wim, _) = await app.VolunteerNearAsync("Wim Buur");
        await wim.SubscribeAsync(service.NewSubscriber(vapid.PublicKey));
        var first = await c.Coordinator.PostedIdAsync(c.CircleId);
        var second = await c.Coordinator.PostedIdAsync(c.CircleId);
        var third = await c.Coordinator.PostedIdAsync(c.CircleId);
        using var vera = await app.BrowserAsync("Vera Vrijwilliger", followRedirects: true);
        using var wimOnPages = await app.BrowserAsync("Wim Buur", followRedirects: true);

        var claimed = await PageForms.PostAsync(vera, $"/help/{first}?handler=Claim", [], $"/help/{first}");
        var page = await claimed.PageAsync();
        Assert.Contains(Suggestion, page);
        Assert.Contains("href=\"/profile/push\"", page);
        Assert.DoesNotContain(Suggestion, await vera.PageAsync($"/help/{first}")); // shown with the claim, not on every visit

        Assert.DoesNotContain(Suggestion, await (await PageForms.PostAsync(vera, $"/help/{second}?handler=Claim", [], $"/help/{second}")).PageAsync());
        Assert.DoesNotContain(Suggestion, await (await PageForms.PostAsync(wimOnPages, $"/help/{third}?handler=Claim", [], $"/help/{third}")).PageAsync());
    }
}
