using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wehelpen.Web.Features.Accounts.TwoFactor;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>Two-step sign-in in a real browser, with the code an authenticator app would show, computed in the test.</summary>
public sealed class TwoStepJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 360;

    [Fact]
    public async Task A_resident_sets_it_up_from_the_key_on_the_page_and_signs_in_again_with_password_and_code()
    {
        var page = await browser.NewPageAsync(new() { Width = PhoneWidth, Height = 740 });
        var person = await AccountSteps.SignedInPersonAsync(page, "Tineke Tweestap");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn profiel" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Inloggen in twee stappen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^QR-code om Wehelpen aan uw authenticator-app toe te voegen") })).ToBeVisibleAsync();
        var shown = await page.Locator(".two-step-key").InnerTextAsync();
        Assert.Matches("^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$", shown);
        await FitsAsync(page);

        // Typed as a person might, by keyboard, with the app's current code.
        var key = shown.Replace(" ", "");
        var code = page.GetByLabel("Code uit de app");
        await Expect(code).ToHaveAttributeAsync("autocomplete", "one-time-code");
        await Expect(code).ToHaveAttributeAsync("inputmode", "numeric");
        await code.FillAsync(Totp.CodeAt(key, DateTimeOffset.UtcNow));
        await code.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Klaar: inloggen in twee stappen staat aan.");
        var codes = page.Locator(".recovery-code-list li");
        await Expect(codes).ToHaveCountAsync(10);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Afdrukken" })).ToBeVisibleAsync(); // shown by print.js
        await FitsAsync(page);
        var recoveryCode = await codes.First.InnerTextAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("U bent uitgelogd. Tot ziens!");

        // The password alone is not enough any more: a second page asks for the code.
        await AccountSteps.LogInAsync(page, person);
        await Expect(page).ToHaveURLAsync(new Regex("/account/login/two-step"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Code uit uw app", Level = 1 })).ToBeVisibleAsync();
        await FitsAsync(page);
        await page.GetByLabel("Code uit de app").FillAsync("000000" == Totp.CodeAt(key, DateTimeOffset.UtcNow) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Deze code klopt niet.");
        await page.GetByLabel("Code uit de app").FillAsync(Totp.CodeAt(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Welkom, {person.Name}" })).ToBeVisibleAsync();

        // Without the phone: a recovery code, once.
        var elsewhere = await browser.NewPageAsync();
        await AccountSteps.LogInAsync(elsewhere, person);
        await elsewhere.GetByRole(AriaRole.Link, new() { Name = "Telefoon niet bij de hand? Gebruik een herstelcode" }).ClickAsync();
        await elsewhere.GetByLabel("Herstelcode").FillAsync(recoveryCode);
        await elsewhere.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Expect(elsewhere.GetByRole(AriaRole.Status)).ToContainTextAsync("ongebruikte herstelcodes: 9");
    }

    private static async Task FitsAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{page.Url} is {width} px wide on a {PhoneWidth} px screen.");
    }
}
