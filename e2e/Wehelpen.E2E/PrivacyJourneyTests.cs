using System.IO.Compression;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>A person's rights in the browser: take everything they wrote with them, then leave without a trace.</summary>
public sealed class PrivacyJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_carer_downloads_what_she_wrote_then_erases_her_account_and_can_no_longer_sign_in()
    {
        var page = await browser.NewPageAsync();
        var carla = await AccountSteps.SignedInPersonAsync(page, "Carla Vertrekt");
        var circle = await CircleSteps.StartCircleForAsync(page, "Vader Henk");
        var written = $"Vader at goed en we liepen naar het park ({Guid.NewGuid():N})";
        await page.GotoAsync($"{circle}/logbook");
        await page.GetByLabel("Wat is er gebeurd?").FillAsync(written);
        await page.GetByRole(AriaRole.Button, new() { Name = "In het logboek zetten" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw bericht staat in het logboek.");

        // Her data, as a ZIP: the logbook file and the readable overview both hold what she wrote.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn profiel" }).ClickAsync();
        await page.Locator("#main").GetByRole(AriaRole.Link, new() { Name = "Mijn gegevens en privacy" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn gegevens", Exact = true })).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Mijn gegevens downloaden (ZIP)" }).ClickAsync());
        Assert.StartsWith("wehelpen-mijn-gegevens-", download.SuggestedFilename);
        using (var zip = new ZipArchive(File.OpenRead(await download.PathAsync())))
        {
            Assert.Contains(written, new StreamReader(zip.GetEntry("logbook.json")!.Open()).ReadToEnd());
            Assert.Contains(written, new StreamReader(zip.GetEntry("overzicht.html")!.Open()).ReadToEnd());
            Assert.Contains(carla.Email, new StreamReader(zip.GetEntry("account.json")!.Open()).ReadToEnd());
        }

        // She leaves: the page says what will happen, asks for her password, and then it is done.
        await Expect(page.GetByText("Uw eigen zorgcirkel")).ToHaveCountAsync(0); // the circle is Vader Henk's, she coordinates it
        await page.GetByText("Ik wil mijn account verwijderen").ClickAsync();
        await page.GetByLabel("Uw wachtwoord").FillAsync("niet mijn wachtwoord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mijn account en al mijn gegevens verwijderen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dat wachtwoord klopt niet. Er is niets verwijderd.");
        await page.GetByLabel("Uw wachtwoord").FillAsync(carla.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mijn account en al mijn gegevens verwijderen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uw account is verwijderd" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Inloggen" })).ToBeVisibleAsync();

        await AccountSteps.LogInAsync(page, carla);
        await Expect(page.GetByText("Het e-mailadres of het wachtwoord klopt niet.")).ToBeVisibleAsync();
    }
}
