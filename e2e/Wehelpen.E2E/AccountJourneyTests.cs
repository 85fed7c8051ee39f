using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

public sealed class AccountJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_new_person_registers_confirms_logs_in_and_sets_their_postcode()
    {
        var page = await browser.NewPageAsync();
        var person = Person.New("Anna de Vries");

        await AccountSteps.RegisterAsync(page, person);

        // Logging in before confirming is refused: the confirmation is what makes the account usable.
        await AccountSteps.LogInAsync(page, person);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bevestig eerst uw e-mailadres");

        await AccountSteps.ConfirmEmailAsync(page, person);
        await AccountSteps.LogInAsync(page, person);
        await Expect(page).ToHaveURLAsync($"{browser.Server.BaseUrl}/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Welkom, {person.Name}" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn profiel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn profiel", Level = 1 })).ToBeVisibleAsync();
        await AccountSteps.SavePostcodeAsync(page, "1055kl");

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uw profiel is opgeslagen.");
        var place = page.GetByRole(AriaRole.Region, new() { Name = "Waar u bent" });
        await Expect(place).ToContainTextAsync("Postcode 1055 KL, Amsterdam.");
        await Expect(place.GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Postcode", new() { Exact = true })).ToHaveValueAsync("1055 KL");

        // The home page shows the same place once it is saved.
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Waar u bent" }))
            .ToContainTextAsync("Postcode 1055 KL, Amsterdam.");
    }

    [Fact]
    public async Task A_post_box_postcode_is_refused_and_the_saved_postcode_stays()
    {
        var page = await browser.NewPageAsync();
        await AccountSteps.SignedInPersonAsync(page, "Bram Jansen");
        await page.GotoAsync("/profile");
        await AccountSteps.SavePostcodeAsync(page, "1055 KL");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uw profiel is opgeslagen.");

        await AccountSteps.SavePostcodeAsync(page, "1002");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("postbus");
        var field = page.GetByLabel("Postcode", new() { Exact = true });
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Waar u bent" }))
            .ToContainTextAsync("Postcode 1055 KL, Amsterdam.");

        // Read back from the server, not from what the refused form echoes.
        await page.GotoAsync("/profile");
        await Expect(field).ToHaveValueAsync("1055 KL");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Waar u bent" }))
            .ToContainTextAsync("Postcode 1055 KL, Amsterdam.");
    }

    [Fact]
    public async Task Switching_to_English_shows_English_texts_and_is_remembered()
    {
        var page = await browser.NewPageAsync();
        var person = await AccountSteps.SignedInPersonAsync(page, "Carla Bakker");
        await page.GotoAsync("/profile");
        var html = page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("lang", "nl");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nederlands" })).ToHaveAttributeAsync("aria-pressed", "true");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/profile$"));
        await Expect(html).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My profile", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nederlands" })).ToHaveAttributeAsync("aria-pressed", "false");

        await page.GetByRole(AriaRole.Link, new() { Name = "Wehelpen", Exact = true }).ClickAsync();
        await Expect(html).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {person.Name}" })).ToBeVisibleAsync();

        // The choice is kept on the account too: a fresh browser gets English as soon as the person logs in.
        var elsewhere = await browser.NewPageAsync();
        await AccountSteps.LogInAsync(elsewhere, person);
        await Expect(elsewhere.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {person.Name}" })).ToBeVisibleAsync();
        await Expect(elsewhere.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }
}
