using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>A reminder falls due while the person has the app open: the bell counts it and a card says it, without a reload.</summary>
public sealed class NotificationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_reminder_that_falls_due_rings_the_bell_shows_a_card_and_joins_the_open_list_without_a_reload()
    {
        var rita = await browser.NewPageAsync();
        var person = await AccountSteps.SignedInPersonAsync(rita, "Rita Dochter");
        var circle = await CircleSteps.StartCircleForAsync(rita, "Moeder Anna");

        // As coördinator she hears of every appointment of the circle only when she says so.
        await rita.GotoAsync("/notifications/settings");
        await rita.GetByLabel("Alle afspraken van al mijn cirkels").CheckAsync();
        await rita.GetByRole(AriaRole.Button, new() { Name = "Instellingen opslaan" }).ClickAsync();
        await Expect(rita.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uw instellingen zijn opgeslagen.");

        // The day after tomorrow: with the default settings each is reminded of a day before.
        var day = DayAfterTomorrow();
        await PlanAsync(rita, circle, "Huisarts", day, "12:00", "12:30");
        await PlanAsync(rita, circle, "Fysiotherapie", day, "14:00", "15:00");

        await rita.GotoAsync(circle);
        await Expect(rita.GetByRole(AriaRole.Link, new() { Name = "Meldingen", Exact = true })).ToBeVisibleAsync();
        await NotReloadedAsync(rita);
        await browser.Server.DispatchNextReminderOfAsync(person.Email);

        await Expect(rita.GetByRole(AriaRole.Link, new() { Name = "Meldingen, 1 ongelezen" })).ToBeVisibleAsync();
        var card = rita.Locator(".live-toast");
        await Expect(card).ToContainTextAsync("Nieuwe melding");
        await Expect(card).ToContainTextAsync("Herinnering: Huisarts");
        await Expect(rita.Locator("#live-announcer")).ToContainTextAsync("Nieuwe melding: Herinnering: Huisarts");
        Assert.True(await StillTheSamePageAsync(rita), "The page was reloaded.");

        await card.GetByRole(AriaRole.Link, new() { Name = "Bekijk uw meldingen" }).ClickAsync();
        await Expect(rita).ToHaveURLAsync(new Regex("/notifications$"));
        var list = rita.Locator("#notification-list");
        await Expect(list.Locator(".notification")).ToHaveCountAsync(1);
        await Expect(list.Locator(".notification").First).ToContainTextAsync("Ongelezen");
        await Expect(list.Locator(".notification").First).ToContainTextAsync("Herinnering: Huisarts");

        // With the list open, the next one appears at its top.
        await NotReloadedAsync(rita);
        await browser.Server.DispatchNextReminderOfAsync(person.Email);
        await Expect(list.Locator(".notification")).ToHaveCountAsync(2);
        await Expect(list.Locator(".notification").First).ToContainTextAsync("Herinnering: Fysiotherapie");
        await Expect(rita.GetByRole(AriaRole.Link, new() { Name = "Meldingen, 2 ongelezen" })).ToBeVisibleAsync();
        Assert.True(await StillTheSamePageAsync(rita), "The list was reloaded.");

        // Opening one reads it and goes to the appointment.
        await list.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Herinnering: Fysiotherapie") }).ClickAsync();
        await Expect(rita.GetByRole(AriaRole.Heading, new() { Name = "Fysiotherapie" })).ToBeVisibleAsync();
        await Expect(rita.GetByRole(AriaRole.Link, new() { Name = "Meldingen, 1 ongelezen" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_notification_pages_fit_a_360_pixel_screen_and_work_by_keyboard()
    {
        var page = await browser.NewPageAsync(new() { Width = 360, Height = 740 });
        var person = await AccountSteps.SignedInPersonAsync(page, "Hendrika Wilhelmina van der Zee-Bakker");
        var circle = await CircleSteps.StartCircleForAsync(page, "Johannes Wilhelmus van Oosterhout");
        await page.GotoAsync("/notifications/settings");
        await page.GetByLabel("Alle afspraken van al mijn cirkels").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Instellingen opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uw instellingen zijn opgeslagen.");
        await FitsAsync(page);
        await PlanAsync(page, circle, "Controle bij de cardioloog in het Onze Lieve Vrouwe Gasthuis", DayAfterTomorrow(), "09:00", "10:00");
        await browser.Server.DispatchNextReminderOfAsync(person.Email);

        await page.GotoAsync("/notifications");
        await Expect(page.Locator(".notification")).ToHaveCountAsync(1);
        await FitsAsync(page);

        // Without a mouse: the button is reached and pressed from the keyboard.
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Markeer als gelezen") }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De melding staat op gelezen.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Meldingen", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".notification-tag")).ToHaveCountAsync(0);
    }

    private static async Task FitsAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"{page.Url} is {scrollWidth} px wide on a 360 px screen.");
    }

    /// <summary>In Amsterdam, by the app's clock (which a test in this class may have moved on).</summary>
    private string DayAfterTomorrow() =>
        TimeZoneInfo.ConvertTime(browser.Server.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).Date.AddDays(2).ToString("yyyy-MM-dd");

    private static async Task PlanAsync(IPage page, string circle, string title, string date, string start, string end)
    {
        await page.GotoAsync($"{circle}/agenda/new");
        await page.GetByLabel("Wat is de afspraak?").FillAsync(title);
        await page.GetByLabel("Datum", new() { Exact = true }).FillAsync(date);
        await page.GetByLabel("Begintijd").FillAsync(start);
        await page.GetByLabel("Eindtijd").FillAsync(end);
        await page.GetByRole(AriaRole.Button, new() { Name = "Afspraak opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"De afspraak '{title}' is opgeslagen.");
    }

    /// <summary>Waits until the page is on the hub, and marks it to see later that it was not reloaded.</summary>
    private static async Task NotReloadedAsync(IPage page)
    {
        await Expect(page.Locator("body[data-live-connected=true]")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.wehelpenStillHere = true; }");
    }

    private static Task<bool> StillTheSamePageAsync(IPage page) => page.EvaluateAsync<bool>("() => window.wehelpenStillHere === true");
}
