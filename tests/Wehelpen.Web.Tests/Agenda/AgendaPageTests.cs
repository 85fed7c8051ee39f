using System.Net;
using System.Text.RegularExpressions;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Agenda;

public sealed partial class AgendaPageTests
{
    /// <summary>Friday 20 March 2026, 10:00 in Amsterdam: summer time starts next Sunday.</summary>
    private static readonly DateTimeOffset BeforeSpring = new(2026, 3, 20, 9, 0, 0, TimeSpan.Zero);

    [Theory, BothDatabases]
    public async Task The_list_and_the_week_show_a_weekly_item_at_the_same_Amsterdam_time_on_both_sides_of_the_clock_change(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider, BeforeSpring);
        var (carer, circleId) = await app.CarerWithCircleAsync();
        await carer.PlannedAsync(circleId, new { title = "Fysiotherapie", date = "2026-03-24", startTime = "09:15", endTime = "10:00", repeatWeekly = true });
        await carer.PlannedAsync(circleId, new { title = "Ziekenhuis", date = "2026-03-20", startTime = "14:00", endTime = "15:00", place = "OLVG Oost" });
        using var browser = await app.BrowserAsync("Carla Coördinator");

        var list = await PageForms.PageAsync(browser, $"/circles/{circleId}/agenda");
        Assert.Contains("<a href=\"/circles/" + circleId + "/agenda\" aria-current=\"page\">Agenda</a>", list);
        Assert.Matches("vrijdag 20 maart\\s*<span class=\"day-marker\">vandaag</span>", list);
        Assert.Contains("<time datetime=\"2026-03-20T14:00+01:00\">14:00–15:00</time>", list);
        Assert.Contains("Waar: OLVG Oost", list);
        Assert.Contains("dinsdag 24 maart", list);
        Assert.Contains("<time datetime=\"2026-03-24T09:15+01:00\">09:15–10:00</time>", list);
        Assert.Contains("dinsdag 31 maart", list);
        Assert.Contains("<time datetime=\"2026-03-31T09:15+02:00\">09:15–10:00</time>", list);
        Assert.Contains("href=\"/calendar\"", list);
        Assert.Contains($"href=\"/circles/{circleId}/agenda/week?date=2026-03-13\"", list); // earlier weeks

        var week = await PageForms.PageAsync(browser, $"/circles/{circleId}/agenda/week?date=2026-04-02");
        Assert.Contains("<h1>Week 14: 30 maart 2026 – 5 april 2026</h1>", week);
        Assert.Equal(["maandag 30 maart", "dinsdag 31 maart", "woensdag 1 april", "donderdag 2 april", "vrijdag 3 april", "zaterdag 4 april", "zondag 5 april"],
            DayHeadings().Matches(week).Select(m => m.Groups[1].Value.Trim()));
        Assert.Contains("<time datetime=\"2026-03-31T09:15+02:00\">09:15–10:00</time>", week);
        Assert.Equal(6, Regex.Matches(week, "Niets gepland.").Count);
        Assert.Contains($"href=\"/circles/{circleId}/agenda/week?date=2026-03-23\">← Vorige week", week);
        Assert.Contains($"href=\"/circles/{circleId}/agenda/week?date=2026-04-06\">Volgende week →", week);
    }

    [Theory, BothDatabases]
    public async Task Going_along_from_the_list_is_for_that_date_only_and_can_be_taken_back(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider, BeforeSpring);
        var (carer, circleId) = await app.CarerWithCircleAsync();
        var id = await carer.PlannedIdAsync(circleId, new { title = "Fysiotherapie", date = "2026-03-24", startTime = "09:15", endTime = "10:00", repeatWeekly = true });
        using var browser = await app.BrowserAsync("Carla Coördinator");
        var agenda = $"/circles/{circleId}/agenda";
        var anchor = $"o-{id:N}-20260331";

        var going = await PageForms.PostAsync(browser, $"{agenda}?handler=GoAlong",
            [new("appointmentId", id.ToString()), new("date", "2026-03-31"), new("returnUrl", $"{agenda}#{anchor}")], formPage: agenda);
        Assert.Equal(HttpStatusCode.Redirect, going.StatusCode);
        Assert.Equal($"{agenda}#{anchor}", going.Headers.Location?.OriginalString);
        var list = await PageForms.PageAsync(browser, agenda);
        Assert.Contains("U gaat mee naar 'Fysiotherapie' op di 31 maart 09:15–10:00.", list);
        Assert.Contains("Gaat mee: Carla Coördinator", Item(list, anchor));
        Assert.Contains("Ik ga toch niet mee", Item(list, anchor));
        Assert.Contains("Nog niemand gaat mee.", Item(list, $"o-{id:N}-20260324"));
        Assert.Contains("Ik ga mee", Item(list, $"o-{id:N}-20260324"));

        var stop = await PageForms.PostAsync(browser, $"{agenda}?handler=StopGoingAlong",
            [new("appointmentId", id.ToString()), new("date", "2026-03-31"), new("returnUrl", "https://elders.example/")], formPage: agenda);
        Assert.Equal(agenda, stop.Headers.Location?.OriginalString); // never sent off to another site
        Assert.Contains("Nog niemand gaat mee.", Item(await PageForms.PageAsync(browser, agenda), anchor));
    }

    [Theory, BothDatabases]
    public async Task A_refused_new_appointment_shows_the_form_again_with_everything_typed_and_the_reason(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();
        using var browser = await app.BrowserAsync("Carla Coördinator");
        var path = $"/circles/{circleId}/agenda/new";

        var backwards = await PageForms.PageAsync(await PageForms.PostAsync(browser, path, Form("Tandarts", "2026-04-14", "11:00", "10:00",
            ("Input.Place", "Tandartspraktijk Oost"), ("Input.Notes", "Gebitsprothese meenemen"), ("Input.RepeatWeekly", "true"), ("Input.RepeatUntil", "2026-05-26"))));
        Assert.Contains("De eindtijd moet later zijn dan de begintijd (11:00).", backwards);
        Assert.Contains("value=\"Tandarts\"", backwards);
        Assert.Matches("name=\"Input.Date\"[^>]*type=\"date\" value=\"2026-04-14\"", backwards);
        Assert.Matches("name=\"Input.StartTime\"[^>]*type=\"time\" value=\"11:00\"", backwards);
        Assert.Matches("aria-invalid=\"true\"[^>]*name=\"Input.EndTime\"[^>]*type=\"time\" value=\"10:00\"", backwards);
        Assert.Contains("value=\"Tandartspraktijk Oost\"", backwards);
        Assert.Contains("Gebitsprothese meenemen</textarea>", backwards);
        Assert.Matches("name=\"Input.RepeatWeekly\" value=\"true\" checked", backwards);
        Assert.Contains("value=\"2026-05-26\"", backwards);

        var skipped = await PageForms.PageAsync(await PageForms.PostAsync(browser, path, Form("Nachtzuster", "2026-03-29", "02:30", "04:00")));
        Assert.Contains("Op zondag 29 maart 2026 bestaat 02:30 niet: die nacht gaat de klok om 02:00 een uur vooruit naar 03:00", skipped);
        Assert.Contains("value=\"Nachtzuster\"", skipped);

        var empty = await PageForms.PageAsync(await PageForms.PostAsync(browser, path, Form("", "2026-04-14", "10:00", "11:00")));
        Assert.Matches("id=\"Input_Title-error\">Vul dit in.", empty);
    }

    [Theory, BothDatabases]
    public async Task An_overlap_on_the_page_names_the_other_appointment_and_offers_save_anyway(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();
        await carer.PlannedAsync(circleId, new { title = "Ziekenhuis", date = "2026-04-14", startTime = "10:00", endTime = "11:30" });
        using var browser = await app.BrowserAsync("Carla Coördinator");
        var path = $"/circles/{circleId}/agenda/new";
        Assert.DoesNotContain("Input.AllowOverlap", await PageForms.PageAsync(browser, path));

        var refused = await PageForms.PageAsync(await PageForms.PostAsync(browser, path, Form("Kapper", "2026-04-14", "11:00", "12:00", ("Input.Place", "Salon Lia"))));
        Assert.Contains("Op di 14 april 10:00–11:30 staat al 'Ziekenhuis' in de agenda van deze cirkel.", refused);
        Assert.Contains("name=\"Input.AllowOverlap\" value=\"true\"", refused);
        Assert.Contains("Toch opslaan", refused);
        Assert.Contains("value=\"Kapper\"", refused);
        Assert.Contains("value=\"Salon Lia\"", refused);
        Assert.Contains("value=\"11:00\"", refused);

        var saved = await PageForms.PostAsync(browser, path, Form("Kapper", "2026-04-14", "11:00", "12:00", ("Input.AllowOverlap", "true")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith($"/circles/{circleId}/agenda/week?date=2026-04-14#o-", saved.Headers.Location?.OriginalString);
        var week = await PageForms.PageAsync(browser, saved.Headers.Location!.OriginalString);
        Assert.Contains("De afspraak 'Kapper' is opgeslagen.", week);
        Assert.Contains("Ziekenhuis", week);
    }

    [Theory, BothDatabases]
    public async Task The_appointment_page_shows_it_changes_it_and_deletes_it(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();
        var id = await carer.PlannedIdAsync(circleId, new { title = "Dialyse", date = "2026-03-03", startTime = "08:00", endTime = "12:00", repeatWeekly = true, notes = "Boek mee.\nEn een vest." });
        var night = await carer.PlannedIdAsync(circleId, new { title = "Nachtzuster", date = "2026-10-25", startTime = "02:30", endTime = "03:30" });
        using var browser = await app.BrowserAsync("Carla Coördinator");
        var path = $"/circles/{circleId}/agenda/{id}";

        var page = await PageForms.PageAsync(browser, path);
        Assert.Contains("<h1>Dialyse</h1>", page);
        Assert.Contains("Elke dinsdag, 08:00–12:00, vanaf 3 maart 2026", page);
        Assert.Contains("Boek mee.\nEn een vest.", page);
        Assert.Contains("Wat u hier wijzigt, geldt voor alle weken.", page);
        Assert.Contains("<time datetime=\"2026-03-03T08:00+01:00\">di 3 maart 08:00–12:00</time>", page);
        Assert.Contains("value=\"08:00\"", page);
        Assert.Contains("in de nacht van zondag 25 oktober 2026 gaat de klok een uur terug en komt 02:30 twee keer voor",
            await PageForms.PageAsync(browser, $"/circles/{circleId}/agenda/{night}"));

        var changed = await PageForms.PostAsync(browser, path, Form("Dialyse (nieuwe tijd)", "2026-03-03", "13:00", "17:00", ("Input.RepeatWeekly", "true"), ("Input.RepeatUntil", "2026-06-30")));
        Assert.Equal(path, changed.Headers.Location?.OriginalString);
        page = await PageForms.PageAsync(browser, path);
        Assert.Contains("De afspraak 'Dialyse (nieuwe tijd)' is opgeslagen.", page);
        Assert.Contains("Elke dinsdag, 13:00–17:00, van 3 maart 2026 tot en met 30 juni 2026", page);

        var deleted = await PageForms.PostAsync(browser, $"{path}?handler=Delete", [], formPage: path);
        Assert.Equal($"/circles/{circleId}/agenda", deleted.Headers.Location?.OriginalString);
        Assert.Contains("De afspraak 'Dialyse (nieuwe tijd)' is verwijderd.", await PageForms.PageAsync(browser, $"/circles/{circleId}/agenda"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_calendar_page_shows_my_link_once_and_later_offers_a_new_one_that_replaces_it(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        await app.PersonAsync("Carla Coördinator");
        using var browser = await app.BrowserAsync("Carla Coördinator");
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var first = await browser.GetAsync("/calendar");
        var page = await first.PageAsync();
        var link = FeedLink().Match(page).Value;
        Assert.Contains($"href=\"webcal://localhost{link}\"", page);
        Assert.Contains($"http://localhost{link}", page);
        Assert.Contains("Tik op 'Abonneer' en daarna op 'Voeg toe'.", page);
        Assert.Contains("Zet de link nu in uw telefoon: wij laten hem maar één keer zien.", page);
        Assert.True(first.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(link)).StatusCode);

        // Coming back: the link is not stored, so the page says since when it exists and what to do.
        page = await PageForms.PageAsync(browser, "/calendar");
        Assert.DoesNotMatch(FeedLink(), page);
        Assert.Contains("U heeft al een link", page);
        Assert.Contains("Uw link is gemaakt op 1 maart 2026.", page);
        Assert.Contains("Staan uw afspraken al in de agenda van uw telefoon? Dan hoeft u niets te doen.", page);
        Assert.Contains("de oude link werkt daarna niet meer", page);
        Assert.Matches(">\\s*Nieuwe link maken\\s*</button>", page);

        var reset = await PageForms.PostAsync(browser, "/calendar?handler=Reset", [], formPage: "/calendar");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode); // shown in this answer: there is nowhere to show it from after a redirect
        page = await reset.PageAsync();
        Assert.Contains("Er is een nieuwe link gemaakt. De oude link werkt niet meer.", page);
        var renewed = FeedLink().Match(page).Value;
        Assert.NotEqual("", renewed);
        Assert.NotEqual(link, renewed);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(renewed)).StatusCode);
        Assert.Contains("Uw link is gemaakt op 1 maart 2026.", await PageForms.PageAsync(browser, "/calendar"));

        var signedOut = await anonymous.GetAsync("/calendar");
        Assert.StartsWith("/account/login", signedOut.Headers.Location?.PathAndQuery);
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(string title, string date, string start, string end, params (string Name, string Value)[] more) =>
        new[] { ("Input.Title", title), ("Input.Date", date), ("Input.StartTime", start), ("Input.EndTime", end) }
            .Concat(more).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2));


    /// <summary>The list item of one occurrence.</summary>
    private static string Item(string html, string anchor)
    {
        var start = html.IndexOf($"<li id=\"{anchor}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no item {anchor}");
        return html[start..html.IndexOf("</li>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<h2 id=\"day-\\d{8}\">\\s*([^<]+)")]
    private static partial Regex DayHeadings();

    [GeneratedRegex("/calendar/[A-Za-z0-9_-]{43}\\.ics")]
    private static partial Regex FeedLink();
}
