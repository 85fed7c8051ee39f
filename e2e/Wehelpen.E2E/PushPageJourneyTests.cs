using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>"Meldingen op uw apparaten": found from the profile, usable by keyboard and on a small phone.</summary>
public sealed class PushPageJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task A_person_finds_the_device_page_from_the_profile_and_sets_quiet_hours_by_keyboard(int width)
    {
        var page = await browser.NewPageAsync(new() { Width = width, Height = 800 });
        await AccountSteps.SignedInPersonAsync(page, "Gerda Pushman");
        await page.GotoAsync("/profile");

        await page.GetByRole(AriaRole.Link, new() { Name = "Meldingen op uw telefoon of computer" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Meldingen op uw apparaten");
        // Chromium can ask for permission and a subscription: the button is there, and nothing says script is missing.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Meldingen op dit apparaat aanzetten" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Om meldingen aan te zetten is JavaScript nodig.")).ToHaveCountAsync(0);
        await Expect(page.GetByText("U hebt nog op geen enkel apparaat meldingen aan.")).ToBeVisibleAsync();
        var from = page.GetByLabel("Stil vanaf");
        await Expect(from).ToHaveValueAsync("22:00");
        await Expect(page.GetByLabel("Stil tot")).ToHaveValueAsync("08:00");

        await from.FillAsync("23:30");
        await page.GetByLabel("Stil tot").FillAsync("07:15");
        // The rest by keyboard: the chat preview is ticked with the space bar, the form sent with Enter on its button.
        await page.GetByLabel("Bij een chatbericht het begin van het bericht tonen (anders alleen wie iets schreef)").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "opgeslagen" })).ToHaveTextAsync("Uw stille uren zijn opgeslagen.");
        await Expect(page.GetByLabel("Stil vanaf")).ToHaveValueAsync("23:30");
        await Expect(page.GetByLabel("Stil tot")).ToHaveValueAsync("07:15");
        await Expect(page.GetByLabel("Bij een chatbericht het begin van het bericht tonen (anders alleen wie iets schreef)")).ToBeCheckedAsync();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"/profile/push is {scrollWidth} px wide on a {width} px screen.");
    }
}
