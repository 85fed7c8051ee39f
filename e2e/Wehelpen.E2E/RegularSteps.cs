using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>A weekly series asked through the form, and finding one week of it in a volunteer's lists.</summary>
public static class RegularSteps
{
    private static readonly CultureInfo Dutch = new("nl-NL");

    /// <summary>
    /// The first three Wednesdays from two days ahead (Amsterdam time): all within the four weeks ahead that a series
    /// is made for at once, and far enough ahead that none has begun, whatever the day the test runs.
    /// </summary>
    public static DateOnly[] ThreeWednesdays()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).Date);
        var first = today.AddDays(2);
        while (first.DayOfWeek != DayOfWeek.Wednesday) first = first.AddDays(1);
        return [first, first.AddDays(7), first.AddDays(14)];
    }

    /// <summary>How a list shows the day: "woensdag 9 december".</summary>
    public static string Day(DateOnly day) => day.ToString("dddd d MMMM", Dutch);

    /// <summary>
    /// A carer with a circle for <paramref name="residentName"/> asks the neighbourhood for shopping every Wednesday
    /// from <paramref name="first"/>, three times, 10:00-12:00 in 1055 KL; ends on the first week's page in the circle.
    /// </summary>
    public static async Task CarerAsksEveryWednesdayAsync(IPage carer, string carerName, string residentName, string title, DateOnly first)
    {
        await AccountSteps.SignedInPersonAsync(carer, carerName);
        var circle = await CircleSteps.StartCircleForAsync(carer, residentName);
        await carer.GotoAsync(circle);
        await carer.GetByRole(AriaRole.Link, new() { Name = "Hulpvragen", Exact = true }).ClickAsync();
        await carer.GetByRole(AriaRole.Link, new() { Name = "Vraag om hulp" }).First.ClickAsync();
        await carer.GetByLabel("Boodschappen", new() { Exact = true }).CheckAsync();
        await carer.GetByLabel("Korte omschrijving").FillAsync(title);
        await carer.GetByLabel("Dag", new() { Exact = true }).FillAsync(first.ToString("yyyy-MM-dd"));
        await carer.GetByLabel("Van", new() { Exact = true }).FillAsync("10:00");
        await carer.GetByLabel("Tot", new() { Exact = true }).FillAsync("12:00");
        await carer.GetByLabel("Elke week", new() { Exact = true }).CheckAsync();
        await carer.GetByLabel("Woensdag", new() { Exact = true }).CheckAsync();
        await carer.GetByLabel("Een aantal keer", new() { Exact = true }).CheckAsync();
        await carer.GetByLabel("Aantal keer", new() { Exact = true }).FillAsync("3");
        await carer.GetByLabel("Postcode", new() { Exact = true }).FillAsync("1055 KL");
        await carer.GetByLabel("Vrijwilligers in de buurt").CheckAsync();
        await carer.GetByRole(AriaRole.Button, new() { Name = "Hulpvraag versturen" }).ClickAsync();
        await Expect(carer.GetByRole(AriaRole.Status)).ToContainTextAsync($"Uw hulpvraag ‘{title}’ is verstuurd.");
    }

    /// <summary>Opens the week of <paramref name="day"/> from the list on screen: every week has the same title.</summary>
    public static async Task OpenWeekAsync(IPage page, DateOnly day, string title)
    {
        var card = page.Locator(".request-card").Filter(new() { HasText = Day(day) });
        await card.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(Day(day));
    }

    /// <summary>"Wat u gaat doen" on /help/mine holds these weeks, in date order, and no other.</summary>
    public static async Task ExpectMineAsync(IPage volunteer, IEnumerable<DateOnly> days)
    {
        var claimed = volunteer.GetByRole(AriaRole.List, new() { Name = "Wat u gaat doen" }).Locator(".request-card .request-what");
        await Expect(claimed).ToHaveTextAsync(days.Select(d => new Regex(Regex.Escape(Day(d)))).ToArray());
    }
}
