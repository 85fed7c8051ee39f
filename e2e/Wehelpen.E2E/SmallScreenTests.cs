using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>A small phone, and a person who cannot use a mouse.</summary>
public sealed class SmallScreenTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 360;

    [Theory]
    [InlineData("/")]
    [InlineData("/account/register")]
    [InlineData("/privacy")]
    public async Task The_page_fits_a_360_pixel_screen_without_sideways_scrolling(string path)
    {
        var page = await browser.NewPageAsync(new() { Width = PhoneWidth, Height = 740 });

        await page.GotoAsync(path);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= PhoneWidth, $"{path} is {scrollWidth} px wide on a {PhoneWidth} px screen.");
    }

    [Fact]
    public async Task The_profile_of_a_volunteer_with_map_and_availability_fits_a_360_pixel_screen()
    {
        var page = await browser.NewPageAsync(new() { Width = PhoneWidth, Height = 740 });
        await AccountSteps.SignedInPersonAsync(page, "Fenna Visser");
        await page.GotoAsync("/profile");
        await page.GetByLabel("Ik wil anderen helpen (vrijwilliger)").CheckAsync();
        await page.GetByLabel("Boodschappen").CheckAsync();
        await AccountSteps.SavePostcodeAsync(page, "1055 KL");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uw profiel is opgeslagen.");

        // The widest parts of any page so far: the neighbourhood map and the week grid of availability.
        await Expect(page.GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= PhoneWidth, $"/profile is {scrollWidth} px wide on a {PhoneWidth} px screen.");
    }

    [Fact]
    public async Task The_offer_pages_fit_a_360_pixel_screen()
    {
        var page = await browser.NewPageAsync(new() { Width = PhoneWidth, Height = 740 });
        await AccountSteps.SignedInPersonAsync(page, "Hendrika Wilhelmina van der Zee-Bakker");
        await page.GotoAsync("/profile");
        await AccountSteps.SavePostcodeAsync(page, "1055 KL");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uw profiel is opgeslagen.");

        foreach (var path in new[] { "/offers", "/offers/mine" })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= PhoneWidth, $"{path} is {scrollWidth} px wide on a {PhoneWidth} px screen.");
        }
    }

    [Fact]
    public async Task Every_page_of_a_circle_fits_a_360_pixel_screen()
    {
        var page = await browser.NewPageAsync(new() { Width = PhoneWidth, Height = 740 });
        await AccountSteps.SignedInPersonAsync(page, "Gerda van den Heuvel-Oosterhuis");
        var circle = await CircleSteps.StartCircleForAsync(page, "Johannes Wilhelmus van Oosterhout");
        await CircleSteps.InviteMemberAsync(page, circle);

        foreach (var path in new[] { "", "/members", "/agenda", "/agenda/week", "/agenda/new", "/requests", "/requests/new", "/requests/settings", "/logbook", "/notes", "/chat", "/workload" })
        {
            await page.GotoAsync(circle + path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= PhoneWidth, $"{path} of a circle is {scrollWidth} px wide on a {PhoneWidth} px screen.");
        }
    }

    [Fact]
    public async Task The_neighbourhood_pages_of_the_buurtteam_and_the_admin_fit_a_360_pixel_screen()
    {
        var page = await browser.NewPageAsync(new() { Width = PhoneWidth, Height = 740 });
        var person = await AccountSteps.SignedInPersonAsync(page, "Wilhelmina Oosterhout-Bakker");
        await page.GotoAsync("/profile");
        await page.GetByLabel("Ik werk in een buurtteam (professional)").CheckAsync();
        await AccountSteps.SavePostcodeAsync(page, "1055 KL");
        // A professional must sign in in two steps: the set-up comes first, and fits the screen too.
        await Expect(page).ToHaveURLAsync(new Regex("/account/two-step"));
        var setupWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(setupWidth <= PhoneWidth, $"The set-up of two-step sign-in is {setupWidth} px wide on a {PhoneWidth} px screen: {await TooWideAsync(page)}");
        var key = await AccountSteps.SetUpTwoStepAsync(page);
        await AccountSteps.MakeAdministratorAsync(browser.Server, person.Email);
        await AccountSteps.LogInAsync(page, person);
        await AccountSteps.EnterCodeAsync(page, key);
        var circle = await CircleSteps.StartCircleForAsync(page, "Johannes Wilhelmus van Oosterhout");

        foreach (var path in new[] { "/buurtteam", "/help/escalated", "/figures", "/figures/indische-buurt-oostelijk-havengebied", "/social-map", "/social-map/zuidoost", "/admin/professionals", circle + "/klanthouder" })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= PhoneWidth, $"{path} is {scrollWidth} px wide on a {PhoneWidth} px screen: {await TooWideAsync(page)}");
        }

        // The map of the gebieden is a set of links a keyboard reaches, each named with its gebied.
        await page.GotoAsync("/figures");
        var bosEnLommer = page.Locator("svg.figure-map").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^4 Bos en Lommer") });
        await bosEnLommer.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/figures/bos-en-lommer"));
    }

    [Fact]
    public async Task Every_page_of_a_volunteer_fits_a_360_pixel_screen()
    {
        // A carer asks the neighbourhood for help, through the API with the browser's own login and, as the pages'
        // scripts do, the antiforgery token the layout gives them.
        var carer = await browser.NewPageAsync(new() { Width = PhoneWidth, Height = 740 });
        await AccountSteps.SignedInPersonAsync(carer, "Gerda van den Heuvel-Oosterhuis");
        var circle = await CircleSteps.StartCircleForAsync(carer, "Johannes Wilhelmus van Oosterhout");
        var token = await carer.Locator("meta[name=request-verification-token]").GetAttributeAsync("content");
        var posted = await carer.APIRequest.PostAsync($"/api/v1{circle}/requests", new()
        {
            Headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token! },
            DataObject = new
            {
                category = "shopping", title = "Boodschappen bij de supermarkt op de Bos en Lommerweg, met lange lijst",
                description = "Melk, brood, koffie, en de medicijnen bij de apotheek ophalen.", postcode = "1055 KL",
                address = "Bos en Lommerweg 100", audience = "neighbourhood", flexible = true,
                before = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"),
            },
        });
        Assert.Equal(201, posted.Status);
        var requestId = (await posted.JsonAsync())!.Value.GetProperty("summary").GetProperty("id").GetString();

        var page = await browser.NewPageAsync(new() { Width = PhoneWidth, Height = 740 });
        await AccountSteps.SignedInPersonAsync(page, "Fenna Visser-Bakker");
        await page.GotoAsync("/profile");
        await page.GetByLabel("Ik wil anderen helpen (vrijwilliger)").CheckAsync();
        await page.GetByLabel("Boodschappen").CheckAsync();
        await AccountSteps.SavePostcodeAsync(page, "1055 KL");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uw profiel is opgeslagen.");

        foreach (var path in new[] { "/", "/help", "/help?sort=date", $"/help/{requestId}", "/help/mine" })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= PhoneWidth, $"{path} of a volunteer is {scrollWidth} px wide on a {PhoneWidth} px screen.");
        }
    }

    [Fact]
    public async Task The_registration_form_can_be_filled_and_sent_with_the_keyboard_alone()
    {
        var page = await browser.NewPageAsync(new() { Width = PhoneWidth, Height = 740 });
        var person = Person.New("Dirk Smit");
        await page.GotoAsync("/account/register");

        // The skip link is the first stop, and it leads past the header straight to the form.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Naar de inhoud" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");

        await TypeIntoFocusedAsync(page, page.GetByLabel("Uw naam"), person.Name);
        await TypeIntoFocusedAsync(page, page.GetByLabel("E-mailadres"), person.Email);
        await TypeIntoFocusedAsync(page, page.GetByLabel("Wachtwoord", new() { Exact = true }), person.Password);
        await TypeIntoFocusedAsync(page, page.GetByLabel("Postcode", new() { Exact = true }), "1055 KL");

        var resident = page.GetByRole(AriaRole.Checkbox, new() { Name = "Ik zoek hulp voor mezelf (bewoner)" });
        await TabToAsync(page, resident);
        await page.Keyboard.PressAsync("Space");
        await Expect(resident).ToBeCheckedAsync();

        var accept = page.GetByRole(AriaRole.Checkbox, new() { Name = "Ik heb de privacyverklaring gelezen en ga ermee akkoord" });
        await TabToAsync(page, accept);
        await page.Keyboard.PressAsync("Space");
        await Expect(accept).ToBeCheckedAsync();

        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Account maken", Exact = true }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/account/check-your-email"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(person.Email);
    }

    /// <summary>Types into the field that has focus, after checking it is the expected one, then moves on.</summary>
    private static async Task TypeIntoFocusedAsync(IPage page, ILocator field, string text)
    {
        await Expect(field).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(text);
        await Expect(field).ToHaveValueAsync(text);
        await page.Keyboard.PressAsync("Tab");
    }

    /// <summary>
    /// Tabs forward until <paramref name="target"/> has focus. Bounded, so that a control that cannot be reached
    /// by keyboard fails the test instead of looping.
    /// </summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 10; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(target).ToBeFocusedAsync(new() { Timeout = 1 });
    }

    /// <summary>The innermost elements reaching past the screen's right edge outside any scrolling box, to say what to fix.</summary>
    private static Task<string> TooWideAsync(IPage page) => page.EvaluateAsync<string>($$"""
        () => {
            const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
            const wide = e => e.getBoundingClientRect().right > {{PhoneWidth}} && !clipped(e);
            return [...document.querySelectorAll('body *')].filter(e => wide(e) && ![...e.children].some(wide))
                .slice(0, 5).map(e => e.tagName + '.' + (e.getAttribute('class') ?? '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px').join('; ');
        }
        """);
}
