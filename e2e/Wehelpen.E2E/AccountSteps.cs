using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Accounts.TwoFactor;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>A person as the tests create them: a fresh email each time, so tests never share an account.</summary>
public sealed record Person(string Name, string Email, string Password)
{
    public static Person New(string name) =>
        new(name, $"e2e-{Guid.NewGuid():N}@example.org", "een lange zin als wachtwoord");
}

/// <summary>The steps every journey starts with, done the way a person does them: through the pages.</summary>
public static class AccountSteps
{
    public static async Task RegisterAsync(IPage page, Person person)
    {
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Uw naam").FillAsync(person.Name);
        await page.GetByLabel("E-mailadres").FillAsync(person.Email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(person.Password);
        await page.GetByLabel("Ik zoek hulp voor mezelf (bewoner)").CheckAsync();
        await page.GetByLabel("Ik heb de privacyverklaring gelezen en ga ermee akkoord").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Account maken", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/check-your-email"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(person.Email);
    }

    /// <summary>
    /// Clicks the link in the confirmation mail, as shown on the development mail page. The mail is made after the
    /// registration was answered: the page is looked at again until it is there, as a person refreshes their inbox.
    /// </summary>
    public static async Task ConfirmEmailAsync(IPage page, Person person)
    {
        var mail = page.Locator("article.mail")
            .Filter(new() { Has = page.Locator(".mail-to", new() { HasTextString = person.Email }) });
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        do await page.GotoAsync("/dev/mail");
        while (await mail.CountAsync() == 0 && DateTime.UtcNow < deadline);
        await Expect(mail).ToHaveCountAsync(1);
        await mail.GetByRole(AriaRole.Link, new() { Name = "E-mailadres bevestigen" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/confirm-email\\?"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw e-mailadres is bevestigd");
    }

    public static async Task LogInAsync(IPage page, Person person)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mailadres").FillAsync(person.Email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(person.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
    }

    public static async Task<Person> SignedInPersonAsync(IPage page, string name)
    {
        var person = Person.New(name);
        await RegisterAsync(page, person);
        await ConfirmEmailAsync(page, person);
        await LogInAsync(page, person);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Welkom, {person.Name}" })).ToBeVisibleAsync();
        return person;
    }

    public static async Task SavePostcodeAsync(IPage page, string postcode)
    {
        await page.GetByLabel("Postcode", new() { Exact = true }).FillAsync(postcode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Profiel opslaan" }).ClickAsync();
    }

    /// <summary>
    /// Sets up two-step sign-in on its page as a person with an authenticator app does: reads the key the page shows,
    /// types the code the app would show now (RFC 6238, computed here), and goes on past the recovery codes.
    /// </summary>
    public static async Task<string> SetUpTwoStepAsync(IPage page)
    {
        if (!page.Url.Contains("/account/two-step", StringComparison.Ordinal)) await page.GotoAsync("/account/two-step");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen in twee stappen", Level = 1 })).ToBeVisibleAsync();
        var key = (await page.Locator(".two-step-key").InnerTextAsync()).Replace(" ", "");
        await page.GetByLabel("Code uit de app").FillAsync(Totp.CodeAt(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanzetten" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Klaar: inloggen in twee stappen staat aan.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Verder" }).ClickAsync();
        return key;
    }

    /// <summary>The second step of signing in, with the code the app would show now.</summary>
    public static async Task EnterCodeAsync(IPage page, string key)
    {
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login/two-step"));
        await page.GetByLabel("Code uit de app").FillAsync(Totp.CodeAt(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
    }

    /// <summary>Makes an existing account an administrator (nobody can choose that); they must log in again to use it.</summary>
    public static async Task MakeAdministratorAsync(WehelpenServer server, string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account for {email}.");
        var added = await users.AddToRoleAsync(user, Roles.Admin);
        if (!added.Succeeded) throw new InvalidOperationException(string.Join(" ", added.Errors.Select(e => e.Description)));
    }
}
