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
}
