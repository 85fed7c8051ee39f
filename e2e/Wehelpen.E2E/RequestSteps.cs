using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

public static class RequestSteps
{
    /// <summary>
    /// On the form "Vraag om hulp": shopping <paramref name="daysAhead"/> days from now, 10:00-12:00 in 1055 KL
    /// (Bos en Lommer), for the volunteers nearby; sent, and the circle is told so.
    /// </summary>
    public static async Task AskTheNeighbourhoodAsync(IPage page, string title, int daysAhead, string? description = null, string? address = null)
    {
        await page.GetByLabel("Boodschappen", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Korte omschrijving").FillAsync(title);
        if (description is not null) await page.GetByLabel("Wat moet er gebeuren?").FillAsync(description);
        await page.GetByLabel("Dag", new() { Exact = true }).FillAsync(DateTime.Today.AddDays(daysAhead).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Van", new() { Exact = true }).FillAsync("10:00");
        await page.GetByLabel("Tot", new() { Exact = true }).FillAsync("12:00");
        await page.GetByLabel("Postcode", new() { Exact = true }).FillAsync("1055 KL");
        if (address is not null) await page.GetByLabel("Adres (niet verplicht)").FillAsync(address);
        await page.GetByLabel("Vrijwilligers in de buurt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hulpvraag versturen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Uw hulpvraag ‘{title}’ is verstuurd.");
    }

    /// <summary>
    /// A carer signed in with a circle for <paramref name="residentName"/>, who asks the neighbourhood for shopping
    /// (<see cref="AskTheNeighbourhoodAsync"/>) from the circle's requests page.
    /// </summary>
    public static async Task CarerAsksAsync(IPage carer, string carerName, string residentName, string title)
    {
        await AccountSteps.SignedInPersonAsync(carer, carerName);
        var circle = await CircleSteps.StartCircleForAsync(carer, residentName);
        await carer.GotoAsync(circle);
        await carer.GetByRole(AriaRole.Link, new() { Name = "Hulpvragen", Exact = true }).ClickAsync();
        await carer.GetByRole(AriaRole.Link, new() { Name = "Vraag om hulp" }).First.ClickAsync();
        await AskTheNeighbourhoodAsync(carer, title, 2);
    }

    /// <summary>Someone signed in who helps with shopping from 1055 KM, a street from where the requests above are.</summary>
    public static async Task VolunteerNearbyAsync(IPage page, string name)
    {
        await AccountSteps.SignedInPersonAsync(page, name);
        await page.GotoAsync("/profile");
        await page.GetByLabel("Ik wil anderen helpen (vrijwilliger)").CheckAsync();
        await page.GetByLabel("Boodschappen").CheckAsync();
        await AccountSteps.SavePostcodeAsync(page, "1055 KM");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uw profiel is opgeslagen.");
    }

    /// <summary>A volunteer opens a request from "Hulp in de buurt"; returns its address, /help/{id}.</summary>
    public static async Task<string> OpenNearbyAsync(IPage volunteer, string title)
    {
        await volunteer.GetByRole(AriaRole.Link, new() { Name = "Hulp in de buurt" }).ClickAsync();
        await volunteer.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Expect(volunteer.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        return new Uri(volunteer.Url).AbsolutePath;
    }
}
