using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Agenda;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Requests;

/// <summary>The circle's side of help requests, through its pages: the tab, the form, one request and its actions, the rules.</summary>
public sealed partial class RequestCirclePageTests
{
    // AgendaSteps' clock: Sunday 1 March 2026, 10:00 in Amsterdam.
    private const string Tuesday = "2026-03-03";
    private const string Friday = "2026-03-06";

    [Theory, BothDatabases]
    public async Task The_tab_explains_help_requests_until_there_is_one_and_then_lists_current_before_closed(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        using var carla = await app.BrowserAsync("Carla Coördinator");
        var list = $"/circles/{c.CircleId}/requests";

        var empty = await PageForms.PageAsync(carla, list);
        Assert.Contains($"<a href=\"{list}\" aria-current=\"page\">Hulpvragen</a>", empty);
        Assert.Contains("Nog geen hulpvragen", empty);
        Assert.Contains("Met een hulpvraag vraagt u om praktische hulp voor Jan de Vries", empty);
        Assert.Contains($"href=\"{list}/new\">Vraag om hulp</a>", empty);

        var shopping = await c.Coordinator.AskAsync(c.CircleId, "Boodschappen voor het weekend", Friday);
        var lift = await c.Coordinator.AskAsync(c.CircleId, "Naar de huisarts", Tuesday);
        var cancelled = await c.Coordinator.AskAsync(c.CircleId, "Gordijnen ophangen", Friday);
        Assert.Equal(HttpStatusCode.OK, (await c.Member.PostAsync($"/api/v1/requests/{lift}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.PostAsJsonAsync($"/api/v1/requests/{cancelled}/cancel", new { reason = "Al geregeld" })).StatusCode);

        var page = await PageForms.PageAsync(carla, list);
        Assert.DoesNotContain("Nog geen hulpvragen", page);
        var current = Section(page, "current-heading");
        Assert.True(current.IndexOf("Naar de huisarts", StringComparison.Ordinal) < current.IndexOf("Boodschappen voor het weekend", StringComparison.Ordinal), "soonest first");
        Assert.Contains($"<a href=\"{list}/{shopping}\">Boodschappen voor het weekend</a>", current);
        Assert.Contains("Flexibel, uiterlijk vrijdag 6 maart", current);
        Assert.Contains("Opgepakt", current);
        Assert.Contains("opgepakt door Mo Lid", current);
        Assert.Contains("Gevraagd aan de hele cirkel", current);
        Assert.DoesNotContain("Gordijnen ophangen", current);
        Assert.Contains("Gordijnen ophangen", Section(page, "closed-heading"));
        Assert.Contains("Ingetrokken", Section(page, "closed-heading"));

        var overview = await PageForms.PageAsync(carla, $"/circles/{c.CircleId}");
        Assert.Contains("Boodschappen voor het weekend", Section(overview, "requests-heading"));
        Assert.DoesNotContain("Naar de huisarts", Section(overview, "requests-heading")); // taken on: no longer waiting
        Assert.Contains($"href=\"{list}\">Alle hulpvragen</a>", overview);
    }

    [Theory, BothDatabases]
    public async Task A_refused_form_shows_everything_typed_with_the_messages_and_a_good_one_opens_the_request(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        using var carla = await app.BrowserAsync("Carla Coördinator");
        var form = $"/circles/{c.CircleId}/requests/new";
        var fields = Fields(("Input.Category", "Shopping"), ("Input.Title", "  "), ("Input.Description", "Melk, brood en kaas"),
            ("Input.Flexible", "false"), ("Input.Date", "2026-02-27"), ("Input.From", "10:00"), ("Input.Until", "11:00"),
            ("Input.Postcode", "1055 KL"), ("Input.Address", "Bos en Lommerweg 12"), ("Input.Phone", "06 1234 5678"),
            ("Input.Audience", "Person"), ("Input.AddressedToId", ""));

        var refused = await PageForms.PostAsync(carla, form, fields);
        var page = await PageForms.PageAsync(refused);
        Assert.Contains("id=\"Input_Title-error\">Vul dit in.</p>", page);
        Assert.Contains("id=\"Input_Date-error\">Dit moment is al voorbij. Kies een tijd die nog komt.</p>", page);
        Assert.Contains("id=\"Input_AddressedToId-error\">Kies aan wie u het vraagt.</p>", page);
        Assert.Matches("value=\"Shopping\" checked=\"checked\"", page);
        Assert.Matches(">\\s*Melk, brood en kaas</textarea>", page);
        Assert.Contains("value=\"Bos en Lommerweg 12\"", page);
        Assert.Contains("value=\"06 1234 5678\"", page);
        Assert.Contains("value=\"2026-02-27\"", page);
        Assert.Matches("value=\"Person\" checked=\"checked\"", page);
        Assert.Contains($"<option value=\"{c.MemberId}\">Mo Lid</option>", page);
        Assert.Empty(await app.QueryAsync(db => Task.FromResult(db.Set<HelpRequest>().ToList())));

        var posted = await PageForms.PostAsync(carla, form, Fields(fields, ("Input.Title", "Boodschappen"), ("Input.Date", Tuesday), ("Input.AddressedToId", c.MemberId)));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.Matches($"^/circles/{c.CircleId}/requests/[0-9a-f-]{{36}}$", location);
        var details = await PageForms.PageAsync(carla, location);
        Assert.Contains("<p class=\"notice notice-success\" role=\"status\">Uw hulpvraag ‘Boodschappen’ is verstuurd.", details);
        Assert.Contains("<h1>Boodschappen</h1>", details);
        Assert.Contains("dinsdag 3 maart, 10:00–11:00", details);
        Assert.Contains("1055 KL Amsterdam, Bos en Lommerweg 12", details);
        Assert.Contains("<dt>Gevraagd aan</dt>\n    <dd>Mo Lid</dd>", details);
        Assert.Contains("Pakt niemand de vraag op, dan gaat hij op zondag 1 maart 14:00 naar de hele cirkel.", details); // 4 hours after asking
        Assert.Contains("Carla Coördinator vroeg om hulp.", details);

        // The next form starts at the circle's last place, so nobody types the address twice.
        var next = await PageForms.PageAsync(carla, form);
        Assert.Contains("value=\"1055 KL\"", next);
        Assert.Contains("value=\"Bos en Lommerweg 12\"", next);
    }

    [Theory, BothDatabases]
    public async Task The_chosen_kind_of_when_decides_which_fields_count(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        using var mo = await app.BrowserAsync("Mo Lid");
        var form = $"/circles/{c.CircleId}/requests/new";
        var fields = Fields(("Input.Category", "Company"), ("Input.Title", "Koffie drinken"), ("Input.Flexible", "true"),
            ("Input.Date", "gisteren"), ("Input.Before", ""), ("Input.Postcode", "1055 KL"), ("Input.Audience", "Circle"));

        var refused = await PageForms.PageAsync(await PageForms.PostAsync(mo, form, fields));
        Assert.Contains("id=\"Input_Before-error\">Vul in vóór welke dag het gedaan moet zijn.</p>", refused);
        Assert.DoesNotContain("Input_Date-error", refused);
        Assert.Matches("name=\"Input.Flexible\" value=\"true\" checked=\"checked\"", refused);
        Assert.Contains("value=\"gisteren\"", refused);

        var posted = await PageForms.PostAsync(mo, form, Fields(fields, ("Input.Before", Friday)));
        var details = await PageForms.PageAsync(mo, posted.Headers.Location!.OriginalString);
        Assert.Contains("Flexibel, uiterlijk vrijdag 6 maart", details);
    }

    [Theory, BothDatabases]
    public async Task Help_with_an_appointment_is_asked_from_its_page_and_keeps_its_times(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var appointment = await c.Coordinator.PlannedIdAsync(c.CircleId, new { title = "Ziekenhuis OLVG", date = "2026-03-04", startTime = "14:00", endTime = "15:00" });
        var theirs = await c.Stranger.PlannedIdAsync(c.OtherCircleId, new { title = "Tandarts", date = "2026-03-04", startTime = "09:00", endTime = "10:00" });
        using var carla = await app.BrowserAsync("Carla Coördinator");
        var form = $"/circles/{c.CircleId}/requests/new?appointment={appointment}&date=2026-03-04";

        var agendaPage = await PageForms.PageAsync(carla, $"/circles/{c.CircleId}/agenda/{appointment}");
        Assert.Contains($"href=\"{form}\">Vraag hier hulp bij</a>", agendaPage);
        var page = await PageForms.PageAsync(carla, form);
        Assert.Contains("Deze hulpvraag hoort bij de afspraak ‘Ziekenhuis OLVG’ (14:00–15:00).", page);
        Assert.Equal(HttpStatusCode.NotFound, (await carla.GetAsync($"/circles/{c.CircleId}/requests/new?appointment={theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await carla.GetAsync($"/circles/{c.CircleId}/requests/new?appointment={Guid.NewGuid()}")).StatusCode);

        var posted = await PageForms.PostAsync(carla, form, Fields(("Input.Category", "Transport"), ("Input.Title", "Rijden naar het OLVG"),
            ("Input.Flexible", "false"), ("Input.Date", "2026-03-04"), ("Input.From", ""), ("Input.Until", ""), ("Input.Postcode", "1055 KL"),
            ("Input.Audience", "Circle"), ("Input.AppointmentId", appointment.ToString()), ("Input.AppointmentDate", "2026-03-04")));
        var details = await PageForms.PageAsync(carla, posted.Headers.Location!.OriginalString);
        Assert.Contains("woensdag 4 maart, 14:00–15:00", details);
        Assert.Contains($"<a href=\"/circles/{c.CircleId}/agenda/{appointment}\">Ziekenhuis OLVG</a>", details);
    }

    [Theory, BothDatabases]
    public async Task From_an_offer_the_form_says_the_request_goes_to_that_volunteer_instead_of_asking_whom(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        using var carla = await app.BrowserAsync("Carla Coördinator");
        var offer = Guid.NewGuid();

        var page = await PageForms.PageAsync(carla, $"/circles/{c.CircleId}/requests/new?offer={offer}");

        Assert.Contains("Deze vraag gaat naar de vrijwilliger van het hulpaanbod dat u koos.", page);
        Assert.Contains($"name=\"Input.OfferId\" value=\"{offer}\"", page);
        Assert.DoesNotContain("name=\"Input.Audience\"", page);
    }

    [Theory, BothDatabases]
    public async Task Members_take_on_give_back_finish_and_confirm_a_request_through_the_page(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var id = await c.Coordinator.AskAsync(c.CircleId, "Boodschappen", Friday);
        using var carla = await app.BrowserAsync("Carla Coördinator");
        using var mo = await app.BrowserAsync("Mo Lid");
        var path = $"/circles/{c.CircleId}/requests/{id}";

        Assert.DoesNotContain("Ik pak dit op", await PageForms.PageAsync(carla, path)); // not one's own request
        var claimed = await PageForms.PostAsync(mo, $"{path}?handler=Claim", [], path);
        Assert.Equal(path, claimed.Headers.Location!.OriginalString);
        var page = await PageForms.PageAsync(mo, path);
        Assert.Contains("U heeft ‘Boodschappen’ opgepakt. Dank u wel!", page);
        Assert.Contains("<dt>Opgepakt door</dt>\n        <dd>Mo Lid</dd>", page);

        var noReason = await PageForms.PageAsync(await PageForms.PostAsync(mo, $"{path}?handler=GiveBack", [new("GiveBack.Reason", " ")], path));
        Assert.Contains("id=\"GiveBack_Reason-error\">Vul dit in.</p>", noReason);
        Assert.Contains("<details class=\"confirm\" open=\"open\">", noReason);
        await PageForms.PostAsync(mo, $"{path}?handler=GiveBack", [new("GiveBack.Reason", "Ik ben ziek")], path);
        page = await PageForms.PageAsync(mo, path);
        Assert.Contains("<strong>Open</strong>", page);
        Assert.Contains("Mo Lid gaf de vraag terug.", page);
        Assert.Contains("Reden: Ik ben ziek", page);

        await PageForms.PostAsync(mo, $"{path}?handler=Claim", [], path);
        var done = await PageForms.PostAsync(carla, $"{path}?handler=Done", [], path);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await PageForms.PostAsync(mo, $"{path}?handler=Confirm", [new("happened", "false")], path);
        page = await PageForms.PageAsync(carla, path);
        Assert.Contains("<strong>Gedaan</strong>", page);
        Assert.Contains("Volgens de cirkel: het is gebeurd", page);
        Assert.Contains("Volgens de helper: het is niet gebeurd", page);
        Assert.Contains("Mo Lid meldde dat de hulp niet gegeven is.", page);
    }

    [Theory, BothDatabases]
    public async Task The_requester_widens_and_cancels_and_a_refused_action_says_why_on_the_page(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var id = await c.Coordinator.AskAsync(c.CircleId, "Lamp vervangen", Friday, audience: "person", addressedToId: c.MemberId);
        using var carla = await app.BrowserAsync("Carla Coördinator");
        using var mo = await app.BrowserAsync("Mo Lid");
        var path = $"/circles/{c.CircleId}/requests/{id}";

        Assert.Contains("Vraag het ook aan de hele cirkel", await PageForms.PageAsync(carla, path));
        await PageForms.PostAsync(carla, $"{path}?handler=Widen", [], path);
        var page = await PageForms.PageAsync(carla, path);
        Assert.Contains("‘Lamp vervangen’ wordt nu aan meer mensen gevraagd.", page);
        Assert.Contains("Carla Coördinator zette de vraag open voor de hele cirkel.", page);
        Assert.Contains("Vraag het ook aan de buurt", page);

        Assert.DoesNotContain("Vraag intrekken", await PageForms.PageAsync(mo, path));
        var refused = await PageForms.PageAsync(await PageForms.PostAsync(mo, $"{path}?handler=Cancel", [new("Cancel.Reason", "")], path));
        Assert.Contains("Alleen wie de vraag stelde, de hoofdpersoon of een coördinator kan dit doen.", refused);

        await PageForms.PostAsync(carla, $"{path}?handler=Cancel", [new("Cancel.Reason", "Buurman doet het al")], path);
        page = await PageForms.PageAsync(carla, path);
        Assert.Contains("<strong>Ingetrokken</strong>", page);
        Assert.Contains("Carla Coördinator trok de vraag in.", page);
        Assert.Contains("Reden: Buurman doet het al", page);
        Assert.DoesNotContain("Wat kunt u doen?", page);
    }

    [Theory, BothDatabases]
    public async Task A_manager_blocks_the_outside_volunteer_who_took_a_request_on_and_unblocks_them_in_the_settings(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        // A volunteer living near the resident: neighbourhood requests reach volunteers whose radius covers them.
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger", "1055 KL");
        var id = await c.Coordinator.AskAsync(c.CircleId, "Tuin opruimen", Friday, audience: "neighbourhood");
        Assert.Equal(HttpStatusCode.OK, (await vera.PostAsync($"/api/v1/requests/{id}/claim", null)).StatusCode);
        using var carla = await app.BrowserAsync("Carla Coördinator");
        using var mo = await app.BrowserAsync("Mo Lid");
        var path = $"/circles/{c.CircleId}/requests/{id}";
        var settings = $"/circles/{c.CircleId}/requests/settings";

        var page = await PageForms.PageAsync(carla, path);
        Assert.Contains("<dd>Vera Vrijwilliger</dd>", page);
        Assert.Contains("Na blokkeren ziet Vera Vrijwilliger de hulpvragen van deze cirkel niet meer", page);
        Assert.DoesNotContain("Deze vrijwilliger blokkeren", await PageForms.PageAsync(mo, path));
        var byMember = await PageForms.PostAsync(mo, $"{path}?handler=Block", [], path);
        Assert.StartsWith("/account/access-denied", byMember.Headers.Location!.AbsolutePath);

        await PageForms.PostAsync(carla, $"{path}?handler=Block", [], path);
        page = await PageForms.PageAsync(carla, path);
        Assert.Contains("Vera Vrijwilliger is geblokkeerd voor deze cirkel.", page);
        Assert.DoesNotContain("Deze vrijwilliger blokkeren", page);
        var list = await PageForms.PageAsync(carla, settings);
        Assert.Contains("<strong>Vera Vrijwilliger</strong>", list);
        Assert.DoesNotContain("Vera Vrijwilliger", await PageForms.PageAsync(mo, settings));

        var veraId = await app.QueryAsync(db => Task.FromResult(db.Users.Single(u => u.DisplayName == "Vera Vrijwilliger").Id));
        await PageForms.PostAsync(carla, $"{settings}?handler=Unblock", [new("volunteerId", veraId)], settings);
        list = await PageForms.PageAsync(carla, settings);
        Assert.Contains("Vera Vrijwilliger is niet meer geblokkeerd.", list);
        Assert.Contains("U heeft niemand geblokkeerd.", list);
    }

    [Theory, BothDatabases]
    public async Task Members_read_how_requests_widen_and_managers_change_it_with_typed_input_kept_on_errors(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        using var carla = await app.BrowserAsync("Carla Coördinator");
        using var mo = await app.BrowserAsync("Mo Lid");
        var settings = $"/circles/{c.CircleId}/requests/settings";

        var read = await PageForms.PageAsync(mo, settings);
        Assert.Contains("maandag 13:00 (4 uur na de vraag): nog niemand heeft hem opgepakt, dus de hele cirkel ziet hem.", read);
        Assert.Contains("dinsdag 01:00 (16 uur na de vraag): vrijwilligers in de buurt zien hem.", read);
        Assert.Contains("Alleen de hoofdpersoon en de coördinatoren kunnen dit veranderen.", read);
        Assert.DoesNotContain("name=\"Input.PersonHours\"", read);
        var byMember = await PageForms.PostAsync(mo, settings, [new("Input.PersonHours", "1"), new("Input.CircleHours", "1"), new("Input.NeighbourhoodHours", "1")]);
        Assert.StartsWith("/account/access-denied", byMember.Headers.Location!.AbsolutePath);

        var refused = await PageForms.PageAsync(await PageForms.PostAsync(carla, settings,
            [new("Input.PersonHours", "twaalf"), new("Input.CircleHours", "24"), new("Input.NeighbourhoodHours", "48"), new("Input.WidenToNeighbourhood", "true")]));
        Assert.Contains("id=\"Input_PersonHours-error\">Kies een aantal uren van 1 tot 336.</p>", refused);
        Assert.Contains("value=\"twaalf\"", refused);

        var saved = await PageForms.PostAsync(carla, settings, [new("Input.PersonHours", "2"), new("Input.CircleHours", "48"), new("Input.NeighbourhoodHours", "48")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        read = await PageForms.PageAsync(mo, settings);
        Assert.Contains("maandag 11:00 (2 uur na de vraag)", read);
        Assert.Contains("Daarna blijft de vraag in de cirkel", read);
        Assert.Contains("<dd>2 dagen</dd>", read);
        Assert.Contains("Nee, alleen als iemand dat zelf kiest", read);
    }

    [Theory, BothDatabases]
    public async Task A_request_of_another_circle_is_not_found_under_ones_own_circle_alike_a_made_up_one(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var theirs = await c.Stranger.AskAsync(c.OtherCircleId, "Hond uitlaten", Friday);
        var ours = await c.Coordinator.AskAsync(c.CircleId, "Boodschappen", Friday);
        using var mo = await app.BrowserAsync("Mo Lid");
        using var stan = await app.BrowserAsync("Stan Vreemde");
        string Path(Guid circleId, Guid requestId) => $"/circles/{circleId}/requests/{requestId}";

        Assert.Equal(HttpStatusCode.NotFound, (await mo.GetAsync(Path(c.CircleId, theirs))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mo.GetAsync(Path(c.CircleId, Guid.NewGuid()))).StatusCode);
        var claim = await PageForms.PostAsync(mo, $"{Path(c.CircleId, theirs)}?handler=Claim", [], Path(c.CircleId, ours));
        Assert.Equal(HttpStatusCode.NotFound, claim.StatusCode);
        // Under their own circle, someone else's request is not found either, even one they could take on as a volunteer.
        Assert.Equal(HttpStatusCode.NotFound, (await stan.GetAsync(Path(c.OtherCircleId, ours))).StatusCode);
        var stanClaim = await PageForms.PostAsync(stan, $"{Path(c.OtherCircleId, ours)}?handler=Claim", [], Path(c.OtherCircleId, theirs));
        Assert.Equal(HttpStatusCode.NotFound, stanClaim.StatusCode);

        var statuses = await app.QueryAsync(db => Task.FromResult(db.Set<HelpRequest>().Select(r => r.Status).ToList()));
        Assert.All(statuses, s => Assert.Equal(RequestStatus.Open, s));
    }

    public static TheoryData<DatabaseProvider, string> RequestPages()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in BothDatabasesAttribute.Providers)
            foreach (var page in new[] { "", "/new", "/settings", "/{request}" }) data.Add(provider, page);
        return data;
    }

    [Theory, MemberData(nameof(RequestPages))]
    public async Task Strangers_and_anonymous_people_posting_a_request_page_form_change_nothing(DatabaseProvider provider, string page)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var id = await c.Coordinator.AskAsync(c.CircleId, "Boodschappen", Friday);
        using var stan = await app.BrowserAsync("Stan Vreemde");
        var path = $"/circles/{c.CircleId}/requests{page.Replace("{request}", id.ToString())}";
        var handler = page switch { "/{request}" => "?handler=Cancel", "/settings" => "?handler=Unblock", _ => "" };
        var fields = Fields(("Input.Category", "Shopping"), ("Input.Title", "Van een vreemde"), ("Input.Flexible", "true"), ("Input.Before", Friday),
            ("Input.Postcode", "1055 KL"), ("Input.Audience", "Circle"), ("Input.PersonHours", "1"), ("Input.CircleHours", "1"), ("Input.NeighbourhoodHours", "1"));

        // The antiforgery token comes from a page the stranger may see: their own circle's.
        var stranger = await PageForms.PostAsync(stan, path + handler, fields, formPage: $"/circles/{c.OtherCircleId}/requests/new");
        var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).PostAsync(path + handler, new FormUrlEncodedContent(fields));

        Assert.StartsWith("/account/access-denied", stranger.Headers.Location!.AbsolutePath);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.AbsolutePath);
        var requests = await app.QueryAsync(db => Task.FromResult(db.Set<HelpRequest>().Select(r => new { r.Title, r.Status }).ToList()));
        Assert.Equal([("Boodschappen", RequestStatus.Open)], requests.Select(r => (r.Title, r.Status)));
    }

    private static List<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();

    /// <summary>The fields with some of them replaced.</summary>
    private static List<KeyValuePair<string, string>> Fields(List<KeyValuePair<string, string>> fields, params (string Name, string Value)[] changed) =>
        fields.Where(f => changed.All(c => c.Name != f.Key)).Concat(Fields(changed)).ToList();


    /// <summary>The section a heading starts, up to the next section.</summary>
    private static string Section(string page, string headingId)
    {
        var start = page.IndexOf($"id=\"{headingId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {headingId}");
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }
}

/// <summary>Requests of a circle asked through the API, as an app would.</summary>
public static class CircleRequestSteps
{
    /// <summary>A flexible request (done by <paramref name="before"/>, yyyy-MM-dd) in 1055 KL; returns its id.</summary>
    public static async Task<Guid> AskAsync(this HttpClient client, Guid circleId, string title, string before,
        string audience = "circle", string? addressedToId = null, string category = "shopping")
    {
        var response = await client.PostAsJsonAsync($"/api/v1/circles/{circleId}/requests",
            new { category, title, flexible = true, before, postcode = "1055 KL", audience, addressedToId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("id").GetGuid();
    }
}
