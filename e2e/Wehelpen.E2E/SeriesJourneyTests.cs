using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>
/// A series in the browser (issue 24), on a small phone and on a computer: a carer asks for shopping every week,
/// follows the box on the first occurrence to the series' page, which axe-core finds nothing serious or critical on
/// (closed, and with its forms open), and stops the series with the keyboard only. With WEHELPEN_SCREENSHOTS set to a
/// folder, each state is also saved there as a picture to look at.
/// </summary>
public sealed class SeriesJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] DutchDays = ["Zondag", "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag"];

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task A_carer_asks_every_week_reads_the_series_page_and_stops_it_by_keyboard(int width)
    {
        var title = $"Boodschappen elke week ({width})";
        var first = DateTime.Today.AddDays(2);
        var carer = await browser.NewPageAsync(new() { Width = width, Height = 800 });
        await AccountSteps.SignedInPersonAsync(carer, width < 600 ? "Carla Reeks" : "Carla Reeksbreed");
        await carer.GotoAsync(await CircleSteps.StartCircleForAsync(carer, "Vader Jan"));
        await carer.GetByRole(AriaRole.Link, new() { Name = "Hulpvragen", Exact = true }).ClickAsync();
        await carer.GetByRole(AriaRole.Link, new() { Name = "Vraag om hulp" }).First.ClickAsync();
        await carer.GetByLabel("Elke week").CheckAsync();
        await carer.GetByLabel(DutchDays[(int)first.DayOfWeek], new() { Exact = true }).CheckAsync();
        await carer.GetByLabel("Een aantal keer").CheckAsync();
        await carer.GetByLabel("Aantal keer", new() { Exact = true }).FillAsync("3");
        await RequestSteps.AskTheNeighbourhoodAsync(carer, title, 2);

        await Expect(carer.Locator(".series-box")).ToContainTextAsync("Deel van een reeks: elke");
        await AxeCheck.NoSeriousIssuesAsync(carer, $"(an occurrence with its series box) at {width} px");
        await Screenshots.TakeAsync(carer, $"series-box-{width}");
        await carer.GetByRole(AriaRole.Link, new() { Name = "Bekijk de reeks" }).ClickAsync();
        await Expect(carer.GetByRole(AriaRole.Heading, new() { Name = $"Reeks: {title}", Level = 1 })).ToBeVisibleAsync();
        await Expect(carer.Locator(".series-rule")).ToContainTextAsync("10:00–12:00, nog 3 keer");
        await Expect(carer.Locator(".series-occurrences li")).ToHaveCountAsync(3);
        await AxeCheck.NoSeriousIssuesAsync(carer, $"(the series page) at {width} px");
        await Screenshots.TakeAsync(carer, $"series-{width}");

        await carer.GetByText("Wijzigen vanaf een datum").ClickAsync();
        await Expect(carer.GetByLabel("Vanaf welke datum")).ToBeVisibleAsync();
        await AxeCheck.NoSeriousIssuesAsync(carer, $"(the series page, change form open) at {width} px");
        await Screenshots.TakeAsync(carer, $"series-change-{width}");
        await carer.GetByText("Wijzigen vanaf een datum").ClickAsync(); // closed again

        // By keyboard only: to the stop form's summary, open it, past the date (the next one is filled in), a reason, send.
        await carer.Locator("summary", new() { HasText = "Stoppen vanaf een datum" }).FocusAsync();
        await carer.Keyboard.PressAsync("Enter");
        await Expect(carer.GetByLabel("Stoppen vanaf")).ToBeVisibleAsync();
        await carer.Keyboard.PressAsync("Tab");
        await Expect(carer.GetByLabel("Stoppen vanaf")).ToBeFocusedAsync();
        // A date field takes a Tab per part (day, month, year, the calendar button): on to the reason.
        var reason = carer.GetByLabel("Reden (mag leeg blijven)");
        for (var tabs = 0; tabs < 6 && !await reason.EvaluateAsync<bool>("e => e === document.activeElement"); tabs++)
            await carer.Keyboard.PressAsync("Tab");
        await Expect(reason).ToBeFocusedAsync();
        await carer.Keyboard.TypeAsync("Vader gaat een tijd naar mijn zus.");
        await carer.Keyboard.PressAsync("Tab");
        await Expect(carer.GetByRole(AriaRole.Button, new() { Name = "Reeks stoppen" })).ToBeFocusedAsync();
        await carer.Keyboard.PressAsync("Enter");

        await Expect(carer.GetByRole(AriaRole.Status)).ToContainTextAsync("De reeks stopt vanaf");
        await Expect(carer.Locator(".series-rule")).ToContainTextAsync("gestopt vanaf");
        await Expect(carer.Locator(".series-occurrences")).ToContainTextAsync("Ingetrokken");
        await Expect(carer.GetByText("Stoppen vanaf een datum")).ToHaveCountAsync(0); // nothing left to stop
        await AxeCheck.NoSeriousIssuesAsync(carer, $"(the series page, stopped) at {width} px");
        await Screenshots.TakeAsync(carer, $"series-stopped-{width}");
    }
}
