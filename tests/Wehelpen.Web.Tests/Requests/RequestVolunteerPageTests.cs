using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Circles;

using Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;

namespace Wehelpen.Web.Tests.Requests;

/// <summary>The volunteer's side of help requests, in the browser: what they see nearby, taking a task on and closing it.</summary>
public sealed partial class RequestVolunteerPageTests
{
    private const string Title = "Boodschappen doen bij de Albert Heijn";
    private const string Address = "Bos en Lommerweg 100";
    private const string Phone = "020 123 4567";

    /// <summary>A carer whose circle around Jan de Vries (1055 KL) asks the neighbourhood for help.</summary>
    private sealed record Neighbourhood(WehelpenApplication App, HttpClient Carer, Guid CircleId);

    private static async Task<Neighbourhood> NeighbourhoodAsync(WehelpenApplication app)
    {
        var (carer, _) = await app.PersonAsync("Carla Coördinator");
        return new Neighbourhood(app, carer, await carer.CreateCircleAsync("Jan de Vries"));
    }

    private static async Task<Guid> AskAsync(Neighbourhood n, string title = Title, string postcode = "1055 KL", object? when = null)
    {
        var before = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var input = new Dictionary<string, object?>
        {
            ["category"] = "shopping", ["title"] = title, ["description"] = "Melk, brood en koffie.",
            ["postcode"] = postcode, ["address"] = Address, ["phone"] = Phone, ["audience"] = "neighbourhood",
            ["flexible"] = true, ["before"] = before.ToString("yyyy-MM-dd"),
        };
        if (when is not null)
            foreach (var p in JsonSerializer.SerializeToElement(when).EnumerateObject()) input[p.Name] = p.Value;
        var response = await n.Carer.PostAsJsonAsync($"/api/v1/circles/{n.CircleId}/requests", input);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("id").GetGuid();
    }

    /// <summary>Registers a volunteer who helps with shopping within 5 km of <paramref name="postcode"/>; returns their browser.</summary>
    private static async Task<HttpClient> VolunteerAsync(WehelpenApplication app, string name, string? postcode = "1055 KL", string role = "volunteer")
    {
        var (api, _) = await app.PersonAsync(name, role);
        var profile = await api.PutAsJsonAsync("/api/v1/profile", new
        {
            displayName = name, postcode, roles = new[] { role },
            volunteer = new { categories = new[] { "shopping" }, serviceRadiusKm = 5, availability = Array.Empty<object>() },
        });
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        return await app.BrowserAsync(name, followRedirects: true);
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient browser, Guid requestId, string handler, params (string Name, string Value)[] fields) =>
        // The token comes from the list, which every signed-in person can open: the request itself may be gone for them.
        PageForms.PostAsync(browser, $"/help/{requestId}?handler={handler}", fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), formPage: "/help");

    [Theory, BothDatabases]
    public async Task The_nearby_list_shows_first_name_area_and_distance_but_never_the_address(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var n = await NeighbourhoodAsync(app);
        var requestId = await AskAsync(n);
        using var volunteer = await VolunteerAsync(app, "Vera Vrijwilliger");

        var list = await volunteer.GetStringAsync("/help");
        Shows(list, Title, "Voor Jan", "1055 Amsterdam", "0 m van u", $"href=\"/help/{requestId}\"");

        var details = await volunteer.GetStringAsync($"/help/{requestId}");
        Shows(details, "Melk, brood en koffie.", "Ik help", $"/reports/new?request={requestId}");
        foreach (var html in new[] { list, details })
        {
            Hides(html, "Bos en Lommerweg", Phone, "de Vries", "1055 KL");
        }
    }

    [Theory, BothDatabases]
    public async Task Claiming_on_the_page_shows_the_address_phone_and_names_and_lists_the_task_as_mine(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var n = await NeighbourhoodAsync(app);
        var requestId = await AskAsync(n);
        using var volunteer = await VolunteerAsync(app, "Vera Vrijwilliger");

        var claimed = await (await ActAsync(volunteer, requestId, "Claim")).Content.ReadAsStringAsync();

        Shows(claimed, "Dank u wel! Jan de Vries weet nu dat u komt.", Address, "1055 KL", $"href=\"tel:0201234567\"", "Carla Coördinator");
        Assert.DoesNotContain("Ik help", claimed);
        var mine = await volunteer.GetStringAsync("/help/mine");
        Assert.Contains(Title, mine);
        Assert.DoesNotContain(Title, await volunteer.GetStringAsync("/help"));
    }

    [Theory, BothDatabases]
    public async Task Giving_back_asks_for_a_reason_keeps_what_was_written_and_then_opens_the_request_again(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var n = await NeighbourhoodAsync(app);
        var requestId = await AskAsync(n);
        using var volunteer = await VolunteerAsync(app, "Vera Vrijwilliger");
        await ActAsync(volunteer, requestId, "Claim");

        var refused = await (await ActAsync(volunteer, requestId, "GiveBack", ("GiveBack.Reason", "  "))).Content.ReadAsStringAsync();
        Shows(refused, "Vul dit in.", "<details class=\"confirm\" open", Address);

        var tooLong = new string('x', RequestEvent.ReasonMaxLength + 1);
        var kept = await (await ActAsync(volunteer, requestId, "GiveBack", ("GiveBack.Reason", tooLong))).Content.ReadAsStringAsync();
        Assert.Contains(tooLong, kept);

        var given = await (await ActAsync(volunteer, requestId, "GiveBack", ("GiveBack.Reason", "Ik ben ziek."))).Content.ReadAsStringAsync();
        Assert.Contains($"U heeft ‘{Title}’ teruggegeven.", given);
        Assert.Contains(Title, await volunteer.GetStringAsync("/help"));
        Assert.Contains("Ik help", await volunteer.GetStringAsync($"/help/{requestId}"));
    }

    [Theory, BothDatabases]
    public async Task Marking_done_asks_whether_it_happened_and_my_tasks_count_only_help_both_sides_confirmed(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var n = await NeighbourhoodAsync(app);
        var requestId = await AskAsync(n);
        using var volunteer = await VolunteerAsync(app, "Vera Vrijwilliger");
        await ActAsync(volunteer, requestId, "Claim");

        var done = await (await ActAsync(volunteer, requestId, "Done")).Content.ReadAsStringAsync();
        Shows(done, $"Dank u wel voor uw hulp! ‘{Title}’ is afgemeld als gedaan.", "Is het echt gebeurd?", "U heeft gezegd dat het gebeurd is.");
        Assert.DoesNotContain(Address, done);
        Assert.Contains("Nog niet door beide kanten bevestigd", await volunteer.GetStringAsync("/help/mine"));

        var confirm = await n.Carer.PostAsJsonAsync($"/api/v1/requests/{requestId}/confirm", new { happened = true });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var mine = await volunteer.GetStringAsync("/help/mine");
        Assert.Contains("U heeft 1 keer geholpen", mine);
        Assert.Contains("Door beide kanten bevestigd", mine);

        var disputed = await (await ActAsync(volunteer, requestId, "Confirm", ("happened", "false"))).Content.ReadAsStringAsync();
        Assert.Contains("Dank u, u heeft gemeld dat het niet gebeurd is.", disputed);
        Assert.Contains("U heeft gezegd dat het niet gebeurd is.", disputed);
        Assert.DoesNotContain("keer geholpen", await volunteer.GetStringAsync("/help/mine"));
    }

    [Theory, BothDatabases]
    public async Task A_second_volunteer_who_was_just_too_late_is_thanked_and_sees_the_other_requests(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var n = await NeighbourhoodAsync(app);
        var requestId = await AskAsync(n);
        using var first = await VolunteerAsync(app, "Vera Vrijwilliger");
        using var second = await VolunteerAsync(app, "Wim Buurman");
        Assert.Contains("Ik help", await second.GetStringAsync($"/help/{requestId}"));

        await ActAsync(first, requestId, "Claim");
        var late = await ActAsync(second, requestId, "Claim");

        Assert.Equal("/help", late.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await late.Content.ReadAsStringAsync();
        // They could see it a moment ago, so they may hear what became of it.
        Assert.Contains("Iemand anders heeft deze hulpvraag al opgepakt. Dank u wel dat u wilde helpen!", html);
        Assert.Contains("role=\"status\"", html);
        Assert.DoesNotContain(Address, html);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/help/{requestId}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_volunteer_out_of_range_neither_sees_nor_reaches_the_request(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var n = await NeighbourhoodAsync(app);
        var requestId = await AskAsync(n);
        using var far = await VolunteerAsync(app, "Gerrit Groningen", "9711 AB");

        Assert.DoesNotContain(Title, await far.GetStringAsync("/help"));
        await SameAsMadeUpAsync(far, requestId);
        await ClaimRefusedAsync(far, requestId);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(far, requestId, "Done")).StatusCode);
        await AssertOpenAsync(n, requestId);
    }

    [Theory, BothDatabases]
    public async Task A_stranger_who_is_no_volunteer_and_an_anonymous_browser_are_refused_on_every_page(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var n = await NeighbourhoodAsync(app);
        var requestId = await AskAsync(n);
        var (stranger, _) = await app.PersonAsync("Stan Vreemde");
        await stranger.CreateCircleAsync("Truus Anders");
        using var browser = await app.BrowserAsync("Stan Vreemde", followRedirects: true);

        var nearby = await browser.GetStringAsync("/help");
        Assert.Contains("als u vrijwilliger bent", nearby);
        Assert.DoesNotContain(Title, nearby);
        Assert.DoesNotContain(Title, await browser.GetStringAsync("/help/mine"));
        await SameAsMadeUpAsync(browser, requestId);
        await ClaimRefusedAsync(browser, requestId);
        foreach (var handler in new[] { "GiveBack", "Done", "Confirm" })
            Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(browser, requestId, handler, ("GiveBack.Reason", "x"), ("happened", "true"))).StatusCode);
        var escalated = await browser.GetAsync("/help/escalated");
        Assert.Equal("/account/access-denied", escalated.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, escalated.StatusCode);

        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var path in new[] { "/help", "/help/mine", "/help/escalated", $"/help/{requestId}" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
        }
        var post = await anonymous.PostAsync($"/help/{requestId}?handler=Claim", new FormUrlEncodedContent([]));
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"Anonymous claim: {post.StatusCode}");
        await AssertOpenAsync(n, requestId);
    }

    [Theory, BothDatabases]
    public async Task A_member_of_the_circle_is_sent_to_the_circle_page_of_the_request(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var n = await NeighbourhoodAsync(app);
        var requestId = await AskAsync(n);
        using var carer = await app.BrowserAsync("Carla Coördinator");

        var response = await carer.GetAsync($"/help/{requestId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/circles/{n.CircleId}/requests/{requestId}", response.Headers.Location?.OriginalString);
    }

    [Theory, BothDatabases]
    public async Task The_list_sorts_by_distance_or_by_date_and_says_which_is_chosen(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var n = await NeighbourhoodAsync(app);
        await AskAsync(n, "Dichtbij maar later");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd");
        await AskAsync(n, "Verder weg maar morgen", "1053 AB", new { flexible = false, date = tomorrow, from = "10:00", until = "12:00" });
        using var volunteer = await VolunteerAsync(app, "Vera Vrijwilliger");

        var byDistance = await volunteer.GetStringAsync("/help");
        Assert.True(byDistance.IndexOf("Dichtbij maar later", StringComparison.Ordinal) < byDistance.IndexOf("Verder weg maar morgen", StringComparison.Ordinal));
        Assert.Contains("href=\"?sort=distance\" aria-current=\"page\"", byDistance);

        var byDate = await volunteer.GetStringAsync("/help?sort=date");
        Assert.True(byDate.IndexOf("Verder weg maar morgen", StringComparison.Ordinal) < byDate.IndexOf("Dichtbij maar later", StringComparison.Ordinal));
        Assert.Contains("href=\"?sort=date\" aria-current=\"page\"", byDate);
        Assert.Matches("[1-4],[0-9] km van u", byDate);
    }

    [Theory, BothDatabases]
    public async Task An_empty_list_says_what_is_matched_or_what_to_fill_in(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var volunteer = await VolunteerAsync(app, "Vera Vrijwilliger");
        using var homeless = await VolunteerAsync(app, "Nina Nergens", postcode: null);

        var empty = await volunteer.GetStringAsync("/help");
        Shows(empty, "Er is nu geen hulpvraag bij u in de buurt die bij u past.", "binnen 5 km van 1055 Amsterdam", "waarmee u helpt: Boodschappen", "op elk moment", "href=\"/profile\"");

        var noPlace = await homeless.GetStringAsync("/help");
        Assert.Contains("Vul uw postcode in", noPlace);
        Assert.DoesNotContain("aria-current", noPlace);
    }

    [Theory, BothDatabases]
    public async Task The_home_page_shows_a_volunteer_the_three_nearest_requests_and_the_menu_their_help_pages(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var n = await NeighbourhoodAsync(app);
        foreach (var i in Enumerable.Range(1, 4)) await AskAsync(n, $"Hulpvraag nummer {i}", i == 4 ? "1053 AB" : "1055 KL");
        using var volunteer = await VolunteerAsync(app, "Vera Vrijwilliger");
        using var carer = await app.BrowserAsync("Carla Coördinator", followRedirects: true);

        var home = await volunteer.GetStringAsync("/");

        Assert.Equal(3, home.Split("Hulpvraag nummer").Length - 1);
        Assert.DoesNotContain("Hulpvraag nummer 4", home);
        Shows(home, "href=\"/help\">Alle hulpvragen bij u in de buurt", "href=\"/help\">Hulp in de buurt", "href=\"/help/mine\">Mijn taken");
        Assert.DoesNotContain("/help/escalated", home);
        var carerHome = await carer.GetStringAsync("/");
        Assert.DoesNotContain("href=\"/help\"", carerHome);
        Assert.DoesNotContain("Hulpvraag nummer", carerHome);
    }

    [Theory, BothDatabases]
    public async Task The_buurtteam_sees_how_long_an_escalated_request_waits_and_can_take_it_on(DatabaseProvider provider)
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var n = await NeighbourhoodAsync(app);
        var requestId = await AskAsync(n);
        using var volunteer = await VolunteerAsync(app, "Vera Vrijwilliger");
        using var professional = await VolunteerAsync(app, "Petra Buurtteam", role: "professional");
        using var elsewhere = await VolunteerAsync(app, "Noor Noord", role: "professional");
        await app.ApproveAreasAsync("Petra Buurtteam", "bos-en-lommer");
        await app.ApproveAreasAsync("Noor Noord", "noord-oost");
        Assert.DoesNotContain(Title, await professional.GetStringAsync("/help/escalated"));

        clock.Advance(TimeSpan.FromHours(25));
        await SweepAsync(app);
        clock.Advance(TimeSpan.FromHours(3));

        var escalated = await professional.GetStringAsync("/help/escalated");
        Shows(escalated, Title, "Wacht al 3 uur op het buurtteam", "href=\"/help/escalated\">Buurtteam");
        Hides(await elsewhere.GetStringAsync("/help/escalated"), Title);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/help/{requestId}")).StatusCode);
        var refused = await volunteer.GetAsync("/help/escalated");
        Assert.Equal("/account/access-denied", refused.RequestMessage!.RequestUri!.AbsolutePath);

        Shows(await professional.GetStringAsync($"/help/{requestId}"), "Ik help", "href=\"/help/escalated\">Terug naar de hulpvragen voor het buurtteam");
        var claimed = await (await ActAsync(professional, requestId, "Claim")).Content.ReadAsStringAsync();
        Assert.Contains(Address, claimed);
        Assert.DoesNotContain(Title, await professional.GetStringAsync("/help/escalated"));
    }

    private static void Shows(string html, params string[] texts) => Assert.All(texts, t => Assert.Contains(t, html));

    private static void Hides(string html, params string[] texts) => Assert.All(texts, t => Assert.DoesNotContain(t, html));

    private static async Task SweepAsync(WehelpenApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RequestSweeper>().SweepAsync(CancellationToken.None);
    }

    /// <summary>A claim of a request someone may not see is answered exactly like one of a made-up id: back to the list.</summary>
    private static async Task ClaimRefusedAsync(HttpClient browser, Guid requestId)
    {
        var real = await ActAsync(browser, requestId, "Claim");
        var madeUp = await ActAsync(browser, Guid.CreateVersion7(), "Claim");
        Assert.Equal("/help", real.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(FormToken().Replace(await madeUp.Content.ReadAsStringAsync(), ""), FormToken().Replace(await real.Content.ReadAsStringAsync(), ""));
    }

    private static async Task AssertOpenAsync(Neighbourhood n, Guid requestId)
    {
        var request = await n.Carer.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{requestId}");
        Assert.Equal("open", request.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("summary").GetProperty("claimedByName").ValueKind);
    }

    /// <summary>A request someone may not see answers exactly like one that does not exist.</summary>
    private static async Task SameAsMadeUpAsync(HttpClient browser, Guid requestId)
    {
        var real = await browser.GetAsync($"/help/{requestId}");
        var madeUpId = Guid.CreateVersion7();
        var madeUp = await browser.GetAsync($"/help/{madeUpId}");
        Assert.Equal(HttpStatusCode.NotFound, real.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
        Assert.Equal(Comparable(await madeUp.Content.ReadAsStringAsync(), madeUpId), Comparable(await real.Content.ReadAsStringAsync(), requestId));
    }

    /// <summary>The page without the asked-for id (in the language switch's return address) and the per-page antiforgery tokens.</summary>
    private static string Comparable(string html, Guid id) => FormToken().Replace(html.Replace(id.ToString(), "ID"), "");

    // The forms' tokens and the one the layout gives the page's scripts.
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"|<meta name=\"request-verification-token\" content=\"[^\"]+\">")]
    private static partial Regex FormToken();
}
