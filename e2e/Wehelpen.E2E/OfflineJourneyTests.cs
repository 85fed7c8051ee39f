using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>
/// Installable and offline, honestly (Features/App, wwwroot/sw.js, wwwroot/js/pwa.js): the browser finds a valid
/// manifest and an active service worker; a carer who lost the network still reads the agenda she saw, marked as a
/// copy and with nothing that pretends to work; signing out, or someone else signing in, leaves nothing of her behind.
/// </summary>
public sealed class OfflineJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_site_is_installable_a_valid_manifest_with_its_icons_and_an_active_service_worker_for_the_whole_site()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        var manifestUrl = await page.EvaluateAsync<string>("() => document.querySelector('link[rel=manifest]').href");
        Assert.Equal($"{browser.Server.BaseUrl}/manifest.webmanifest", manifestUrl);
        // Fetched and measured as the browser does when it offers to install: every icon a PNG of the size it claims.
        var manifest = await page.EvaluateAsync<JsonElement>("""
            async (url) => {
              const response = await fetch(url);
              const manifest = await response.json();
              const icons = [];
              for (const icon of manifest.icons) {
                const answer = await fetch(new URL(icon.src, url));
                const bitmap = await createImageBitmap(await answer.blob());
                icons.push({ ...icon, status: answer.status, contentType: answer.headers.get("Content-Type"), width: bitmap.width, height: bitmap.height });
              }
              return { contentType: response.headers.get("Content-Type"), manifest, icons };
            }
            """, manifestUrl);
        Assert.Equal("application/manifest+json", manifest.GetProperty("contentType").GetString());
        var m = manifest.GetProperty("manifest");
        Assert.Equal("Wehelpen", m.GetProperty("name").GetString());
        Assert.Equal("Wehelpen", m.GetProperty("short_name").GetString());
        Assert.Equal("nl", m.GetProperty("lang").GetString());
        Assert.StartsWith("/", m.GetProperty("start_url").GetString());
        Assert.Equal("/", m.GetProperty("scope").GetString());
        Assert.Equal("standalone", m.GetProperty("display").GetString());
        Assert.Equal("#0b5d4b", m.GetProperty("theme_color").GetString());
        Assert.Equal("#ffffff", m.GetProperty("background_color").GetString());
        Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("description").GetString()));
        var icons = manifest.GetProperty("icons").EnumerateArray().ToList();
        foreach (var icon in icons)
        {
            var src = icon.GetProperty("src").GetString();
            Assert.True(icon.GetProperty("status").GetInt32() == 200, $"{src}: {icon.GetProperty("status")}");
            Assert.Equal("image/png", icon.GetProperty("contentType").GetString());
            Assert.Equal($"{icon.GetProperty("width").GetInt32()}x{icon.GetProperty("height").GetInt32()}", icon.GetProperty("sizes").GetString());
        }
        var sizes = icons.Select(i => (i.GetProperty("sizes").GetString(), i.GetProperty("purpose").GetString())).ToList();
        Assert.Contains(("192x192", "any"), sizes);
        Assert.Contains(("512x512", "any"), sizes);
        Assert.Contains(("192x192", "maskable"), sizes);
        Assert.Contains(("512x512", "maskable"), sizes);

        var worker = await ServiceWorkerSteps.ActiveWorkerAsync(page);
        Assert.Equal($"{browser.Server.BaseUrl}/", worker.GetProperty("scope").GetString());
        Assert.Equal($"{browser.Server.BaseUrl}/sw.js", worker.GetProperty("script").GetString());
        Assert.Equal("activated", worker.GetProperty("state").GetString());
        // It serves the page that registered it, not only the next one.
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
    }

    [Fact]
    public async Task Offline_the_agenda_and_notes_seen_before_show_as_a_marked_copy_that_changes_nothing_and_other_pages_say_they_need_a_connection()
    {
        var page = await browser.NewPageAsync();
        await AccountSteps.SignedInPersonAsync(page, "Rita Dochter");
        var circle = await CircleSteps.StartCircleForAsync(page, "Moeder Anna");
        await CircleSteps.PlanTomorrowAsync(page, circle, "Huisarts");
        await ServiceWorkerSteps.ActiveWorkerAsync(page);
        await page.GotoAsync($"{circle}/notes");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync($"{circle}/agenda");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Ik ga mee") })).ToBeEnabledAsync();
        await ServiceWorkerSteps.KeptAsync(page, $"{circle}/notes");
        await ServiceWorkerSteps.KeptAsync(page, $"{circle}/agenda");
        var sockets = 0;
        page.WebSocket += (_, _) => sockets++;

        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();

        // The copy, said as such at the top of the content; what it showed is still there to read.
        var banner = page.Locator("#main > .offline-banner[role=status]");
        await Expect(banner).ToHaveTextAsync("U bent offline; dit is wat u het laatst zag.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Agenda", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Huisarts" })).ToBeVisibleAsync();
        // Nothing that would change something works, and each says why, to the eye and to a screen reader.
        var goAlong = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Ik ga mee") });
        await Expect(goAlong).ToBeDisabledAsync();
        await Expect(goAlong).ToHaveAccessibleDescriptionAsync("Hiervoor is een verbinding nodig.");
        await Expect(page.Locator("li.occurrence .offline-note")).ToHaveTextAsync("Hiervoor is een verbinding nodig.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToHaveAccessibleDescriptionAsync("Hiervoor is een verbinding nodig.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToBeDisabledAsync();
        var disabledPostForms = await page.EvaluateAsync<int[]>("""
            () => [...document.querySelectorAll("form[method=post]")].map((f) => [...f.elements].filter((e) => e.type !== "hidden" && !e.disabled).length)
            """);
        Assert.NotEmpty(disabledPostForms);
        Assert.All(disabledPostForms, enabled => Assert.Equal(0, enabled));
        // The live connection does not try.
        Assert.True(await page.EvaluateAsync<bool>("() => window.wehelpenLive === undefined"), "live.js started on an offline copy");

        // Going to the notes, seen before, the same.
        await page.GotoAsync($"{circle}/notes");
        await Expect(banner).ToHaveTextAsync("U bent offline; dit is wat u het laatst zag.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        // A page never seen: the offline page, kindly, with the way to the start page.
        await page.GotoAsync($"{circle}/logbook");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "U bent offline", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Naar de startpagina" })).ToHaveAttributeAsync("href", "/");
        await Expect(banner).ToHaveCountAsync(0);
        Assert.Equal(0, sockets);

        // On a phone: the banner and the notes fit, nothing scrolls sideways.
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync($"{circle}/agenda");
        await Expect(banner).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 360, "The offline copy is wider than a 360 px screen.");
        await page.GotoAsync($"{circle}/logbook");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 360, "The offline page is wider than a 360 px screen.");
    }

    [Fact]
    public async Task The_next_person_does_not_get_the_first_ones_pages_and_signing_out_empties_the_caches()
    {
        var page = await browser.NewPageAsync();
        await AccountSteps.SignedInPersonAsync(page, "Rita Dochter");
        var circle = await CircleSteps.StartCircleForAsync(page, "Moeder Anna");
        await ServiceWorkerSteps.ActiveWorkerAsync(page);
        await page.GotoAsync($"{circle}/agenda");
        await ServiceWorkerSteps.KeptAsync(page, $"{circle}/agenda");

        // Her session simply ended (no sign-out) and someone else signs in on this phone: his first page drops hers.
        await page.Context.ClearCookiesAsync();
        await AccountSteps.LogInAsync(page, await AnotherPersonAsync());
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Welkom") })).ToBeVisibleAsync();
        await ServiceWorkerSteps.KeptAsync(page, "/");
        Assert.False(await page.EvaluateAsync<bool>("async (url) => !!(await caches.match(url))", $"{browser.Server.BaseUrl}{circle}/agenda"),
            "The first person's agenda is still kept after someone else signed in.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("U bent uitgelogd. Tot ziens!");

        var left = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const names = await caches.keys();
              const urls = [];
              for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
              return { names, urls };
            }
            """);
        Assert.True(left.GetProperty("urls").GetArrayLength() == 0, $"Kept after signing out: {left}");
        Assert.True(left.GetProperty("names").GetArrayLength() == 0, $"Caches after signing out: {left}");
    }

    /// <summary>A second person, registered and confirmed in a browser of their own.</summary>
    private async Task<Person> AnotherPersonAsync()
    {
        var other = await browser.NewPageAsync();
        var person = Person.New("Jan Buurman");
        await AccountSteps.RegisterAsync(other, person);
        await AccountSteps.ConfirmEmailAsync(other, person);
        await other.Context.CloseAsync();
        return person;
    }

    [Fact]
    public async Task A_push_message_shows_its_notification_and_one_that_is_not_json_or_leads_elsewhere_shows_nothing()
    {
        var page = await browser.NewPageAsync();
        // DevTools lists the service worker registrations of every context: only this one's may be left to push to.
        await browser.CloseOtherContextsAsync(page);
        await page.Context.GrantPermissionsAsync(["notifications"]);
        await page.GotoAsync("/");
        await ServiceWorkerSteps.ActiveWorkerAsync(page);
        var pushAsync = await ServiceWorkerSteps.PusherAsync(page, browser.Server.BaseUrl);

        // Refused first: were they shown, the good one below would not be the only one.
        foreach (var refused in new[] { "geen json", """{"title":"Elders","body":"x","url":"//elders.example/pagina"}""", """{"title":"Elders","body":"x","url":"https://elders.example/"}""", """{"title":"Elders","body":"x","url":"/\\elders.example"}""" })
            await pushAsync(refused);
        await pushAsync("""{"title":"Herinnering: Huisarts","body":"Morgen om 12:00","url":"/notifications","tag":"reminder-1"}""");

        var shown = await ServiceWorkerSteps.ShownNotificationsAsync(page);
        var notification = Assert.Single(shown.EnumerateArray());
        Assert.Equal("Herinnering: Huisarts", notification.GetProperty("title").GetString());
        Assert.Equal("Morgen om 12:00", notification.GetProperty("body").GetString());
        Assert.Equal("reminder-1", notification.GetProperty("tag").GetString());
        Assert.Equal("/notifications", notification.GetProperty("url").GetString());
        Assert.EndsWith("/icons/icon-192.png", notification.GetProperty("icon").GetString());
    }

    [Fact]
    public async Task A_push_about_the_page_the_device_shows_right_now_is_not_shown_there()
    {
        var page = await browser.NewPageAsync();
        await browser.CloseOtherContextsAsync(page);
        await page.Context.GrantPermissionsAsync(["notifications"]);
        await page.GotoAsync("/privacy");
        await ServiceWorkerSteps.ActiveWorkerAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.visibilityState === 'visible' && document.hasFocus()"));
        var pushAsync = await ServiceWorkerSteps.PusherAsync(page, browser.Server.BaseUrl);

        // As a chat message would come while its chat is open: the person reads it there already.
        await pushAsync("""{"title":"Mo in de chat","body":"Er is een nieuw bericht.","url":"/privacy","tag":"chat-1"}""");
        // Pushed after it, about another page: once this one shows, the one before has been handled.
        await pushAsync("""{"title":"Herinnering: Huisarts","body":"Morgen om 12:00","url":"/notifications","tag":"reminder-1"}""");

        var shown = await ServiceWorkerSteps.ShownNotificationsAsync(page);
        Assert.Equal("Herinnering: Huisarts", Assert.Single(shown.EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Tapping_a_pushed_notification_about_a_request_brings_the_open_window_to_that_request()
    {
        const string Title = "Boodschappen voor vader";
        var carer = await browser.NewPageAsync();
        await RequestSteps.CarerAsksAsync(carer, "Carla Dochter", "Vader Jan", Title);
        var page = await browser.NewPageAsync();
        await RequestSteps.VolunteerNearbyAsync(page, "Vera Buurvrouw");
        var request = await RequestSteps.OpenNearbyAsync(page, Title);
        // DevTools lists the service worker registrations of every context (the carer's too): only this one's is left.
        await browser.CloseOtherContextsAsync(page);
        await page.Context.GrantPermissionsAsync(["notifications"]);
        // She has Wehelpen open on its start page when the push comes in.
        await page.GotoAsync("/");
        await ServiceWorkerSteps.ActiveWorkerAsync(page);
        var pushAsync = await ServiceWorkerSteps.PusherAsync(page, browser.Server.BaseUrl);

        await pushAsync(JsonSerializer.Serialize(new { title = "Iemand in uw buurt vraagt om hulp", body = Title, url = request, tag = "asked-1" }));
        var shown = Assert.Single((await ServiceWorkerSteps.ShownNotificationsAsync(page)).EnumerateArray());
        Assert.Equal(request, shown.GetProperty("url").GetString());

        // Clicked as far as a test can (see ClickNotificationAsync): the click itself is simulated, what the worker
        // does with it is not. Without the right to focus, the open window is still shown the request.
        var outcome = await ServiceWorkerSteps.ClickNotificationAsync(page, browser.Server.BaseUrl);

        Assert.Equal(["done"], outcome);
        await Expect(page).ToHaveURLAsync($"{browser.Server.BaseUrl}{request}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ik help" })).ToBeVisibleAsync();
        Assert.Equal(0, (await ServiceWorkerSteps.NotificationsAsync(page)).GetArrayLength());
        Assert.Single(page.Context.Pages);
    }
}
