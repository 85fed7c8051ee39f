using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>
/// The vaste vrijwilliger (issue 24) in the browser: a carer asks the neighbourhood for shopping every Wednesday,
/// three times; a volunteer nearby takes the first week, offers to do it every week, and the carer accepts from the
/// notification. The weeks to come are then the volunteer's; she gives back one of them, another volunteer nearby
/// takes that one, and her other weeks stay hers. axe-core finds nothing serious or critical on the pages of the
/// arrangement at 360 and 1280 px. With WEHELPEN_SCREENSHOTS set to a folder, each is also saved there as a picture.
/// </summary>
public sealed class RegularVolunteerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Title = "Boodschappen op woensdag";

    [Fact]
    public async Task A_volunteer_becomes_the_regular_gives_back_one_week_which_another_volunteer_takes_and_keeps_the_others()
    {
        var weeks = RegularSteps.ThreeWednesdays();
        var carla = await browser.NewPageAsync();
        await RegularSteps.CarerAsksEveryWednesdayAsync(carla, "Carla Vast", "Moeder Ans", Title, weeks[0]);
        var firstOnCircle = carla.Url;

        var vera = await browser.NewPageAsync();
        await RequestSteps.VolunteerNearbyAsync(vera, "Vera Vast");
        await vera.GetByRole(AriaRole.Link, new() { Name = "Hulp in de buurt" }).ClickAsync();
        await RegularSteps.OpenWeekAsync(vera, weeks[0], Title);
        await vera.GetByRole(AriaRole.Button, new() { Name = "Ik help" }).ClickAsync();
        await Expect(vera.GetByRole(AriaRole.Status)).ToContainTextAsync("Dank u wel!");
        await LookAtBothWidthsAsync(vera, "help-can-offer");

        await vera.GetByRole(AriaRole.Link, new() { Name = "Vaste vrijwilliger worden" }).ClickAsync();
        await Expect(vera.GetByRole(AriaRole.Heading, new() { Name = "Vaste vrijwilliger worden", Level = 1 })).ToBeVisibleAsync();
        await LookAtBothWidthsAsync(vera, "offer");
        await vera.GetByRole(AriaRole.Button, new() { Name = "Aanbieden aan de cirkel" }).ClickAsync();
        await Expect(vera.GetByRole(AriaRole.Status)).ToContainTextAsync("De cirkel krijgt uw aanbod");
        await Expect(vera.GetByRole(AriaRole.Region, new() { Name = "Vaste vrijwilliger" })).ToContainTextAsync("wacht op antwoord van de cirkel");
        await LookAtBothWidthsAsync(vera, "help-offered");

        // The circle's request page says an offer waits for an answer ...
        await carla.GotoAsync(firstOnCircle);
        var box = carla.GetByRole(AriaRole.Region, new() { Name = "Vaste vrijwilliger" });
        await Expect(box).ToContainTextAsync("Vera Vast biedt aan dit vast te doen (alle keren).");
        await Expect(box.GetByRole(AriaRole.Link, new() { Name = "Geef antwoord" })).ToBeVisibleAsync();
        await LookAtBothWidthsAsync(carla, "circle-request-offered");
        // ... and the carer answers from the notification that told her.
        await carla.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Meldingen") }).ClickAsync();
        await carla.GetByRole(AriaRole.Button, new() { Name = $"Vera wil vaste vrijwilliger zijn voor ‘{Title}’", Exact = true }).ClickAsync();
        await Expect(carla.GetByRole(AriaRole.Heading, new() { Name = "Vaste vrijwilliger: Vera Vast", Level = 1 })).ToBeVisibleAsync();
        await LookAtBothWidthsAsync(carla, "circle-regular-offered");
        await carla.GetByRole(AriaRole.Button, new() { Name = "Aannemen" }).ClickAsync();
        await Expect(carla.GetByRole(AriaRole.Status)).ToHaveTextAsync("Vera Vast is nu de vaste vrijwilliger; 2 open keer/keren staan nu op naam van Vera Vast.");
        await LookAtBothWidthsAsync(carla, "circle-regular-accepted");
        // The title leads to the series' page, which names her too; so does every week's page.
        await carla.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).ClickAsync();
        await Expect(carla).ToHaveURLAsync(new Regex("/series/"));
        await Expect(box).ToContainTextAsync("Vera Vast doet dit vast: alle keren.");
        await LookAtBothWidthsAsync(carla, "series-accepted");
        await carla.GotoAsync(firstOnCircle);
        await Expect(box).ToContainTextAsync("Vera Vast doet dit vast: alle keren.");
        await LookAtBothWidthsAsync(carla, "circle-request-accepted");

        // Every week is now Vera's, in her own list.
        await vera.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Mijn taken" }).ClickAsync();
        await RegularSteps.ExpectMineAsync(vera, weeks);
        await RegularSteps.OpenWeekAsync(vera, weeks[1], Title);
        await Expect(vera.GetByRole(AriaRole.Region, new() { Name = "Vaste vrijwilliger" })).ToContainTextAsync("Vaste vrijwilliger sinds");
        await LookAtBothWidthsAsync(vera, "help-regular");
        await vera.GetByRole(AriaRole.Link, new() { Name = "Mijn vaste afspraken" }).ClickAsync();
        await Expect(vera.Locator(".regular-list > li")).ToHaveTextAsync([new Regex("Vaste vrijwilliger sinds")]);
        await LookAtBothWidthsAsync(vera, "regulars");

        // She cannot come in the second week: that one week goes back, with her reason.
        await vera.GetByRole(AriaRole.Link, new() { Name = "Mijn hulp" }).ClickAsync();
        await RegularSteps.OpenWeekAsync(vera, weeks[1], Title);
        await vera.GetByText("Ik kan toch niet", new() { Exact = true }).ClickAsync();
        await vera.GetByLabel("Waarom kunt u niet?").FillAsync("Die week ben ik bij mijn dochter.");
        await vera.GetByRole(AriaRole.Button, new() { Name = "Hulpvraag teruggeven" }).ClickAsync();
        await Expect(vera.GetByRole(AriaRole.Status)).ToContainTextAsync($"U heeft ‘{Title}’ teruggegeven.");

        var wim = await browser.NewPageAsync();
        await RequestSteps.VolunteerNearbyAsync(wim, "Wim Vast");
        await wim.GetByRole(AriaRole.Link, new() { Name = "Hulp in de buurt" }).ClickAsync();
        await Expect(wim.Locator(".request-card").Filter(new() { HasText = Title })).ToHaveCountAsync(1); // only the week given back
        await RegularSteps.OpenWeekAsync(wim, weeks[1], Title);
        await wim.GetByRole(AriaRole.Button, new() { Name = "Ik help" }).ClickAsync();
        await Expect(wim.GetByRole(AriaRole.Status)).ToContainTextAsync("Dank u wel!");

        await vera.GotoAsync("/help/mine");
        await RegularSteps.ExpectMineAsync(vera, [weeks[0], weeks[2]]);
        await vera.GotoAsync("/help/regulars");
        await Expect(vera.Locator(".regular-list > li")).ToHaveTextAsync([new Regex("Vaste vrijwilliger sinds")]);
    }

    /// <summary>axe and a picture at a small phone's width and a computer's, ending at the computer's.</summary>
    private static async Task LookAtBothWidthsAsync(IPage page, string name)
    {
        foreach (var width in new[] { 360, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await AxeCheck.NoSeriousIssuesAsync(page, $"({name}) at {width} px");
            await Screenshots.TakeAsync(page, $"regular-{name}-{width}");
        }
    }
}
