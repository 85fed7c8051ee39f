using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>What appears without reloading: a chat message in another browser, a new request in a volunteer's list, an alert.</summary>
public sealed class LiveJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_message_typed_in_one_browser_appears_in_the_other_without_a_reload()
    {
        var carla = await browser.NewPageAsync();
        await AccountSteps.SignedInPersonAsync(carla, "Carla Dochter");
        var circle = await CircleSteps.StartCircleForAsync(carla, "Vader Jan");
        var code = await CircleSteps.InviteMemberAsync(carla, circle);
        var els = await browser.NewPageAsync();
        await AccountSteps.SignedInPersonAsync(els, "Els Buur");
        await CircleSteps.JoinWithCodeAsync(els, code, "Vader Jan", "Carla Dochter");

        await els.GotoAsync(circle);
        await carla.GotoAsync($"{circle}/chat");
        await NotReloadedAsync(els);
        await carla.GetByLabel("Uw bericht").FillAsync("Wie gaat dinsdag mee naar de cardioloog?");
        await carla.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();

        // Els is on the overview: the chat tab counts the new message.
        await Expect(els.GetByRole(AriaRole.Link, new() { Name = "Chat 1 ongelezen" })).ToBeVisibleAsync();
        await els.GetByRole(AriaRole.Link, new() { Name = "Chat 1 ongelezen" }).ClickAsync();
        await Expect(els.GetByRole(AriaRole.Log)).ToContainTextAsync("Wie gaat dinsdag mee naar de cardioloog?");
        await Expect(els.Locator("[data-chat-online]")).ToContainTextAsync("Carla Dochter");
        await NotReloadedAsync(carla);

        await OnTheHubAsync(els);
        await els.GetByLabel("Uw bericht").FillAsync("Ik kan");
        await Expect(carla.GetByText("Els Buur is aan het typen…")).ToBeVisibleAsync();
        await els.GetByLabel("Uw bericht").FillAsync("Ik kan, ik haal hem om half tien op.");
        await els.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();

        await Expect(carla.GetByRole(AriaRole.Log)).ToContainTextAsync("Ik kan, ik haal hem om half tien op.");
        await Expect(carla.GetByRole(AriaRole.Log).Locator(".chat-message")).ToHaveCountAsync(2);
        Assert.True(await StillTheSamePageAsync(carla), "Carla's chat page was reloaded.");
        await Expect(els.GetByLabel("Uw bericht")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task A_request_posted_in_one_browser_appears_in_a_volunteers_list_in_the_other_and_a_matched_volunteer_takes_it_from_the_alert()
    {
        var vera = await browser.NewPageAsync();
        await AccountSteps.SignedInPersonAsync(vera, "Vera Buurvrouw");
        await vera.GotoAsync("/profile");
        await vera.GetByLabel("Ik wil anderen helpen (vrijwilliger)").CheckAsync();
        await vera.GetByLabel("Boodschappen").CheckAsync();
        await AccountSteps.SavePostcodeAsync(vera, "1055 KM");
        await Expect(vera.GetByRole(AriaRole.Status)).ToHaveTextAsync("Uw profiel is opgeslagen.");
        await vera.GetByRole(AriaRole.Link, new() { Name = "Hulp in de buurt" }).ClickAsync();
        await Expect(vera.GetByText("Er is nu geen hulpvraag bij u in de buurt")).ToBeVisibleAsync();
        await NotReloadedAsync(vera);

        var carla = await browser.NewPageAsync();
        await AccountSteps.SignedInPersonAsync(carla, "Carla Dochter");
        var circle = await CircleSteps.StartCircleForAsync(carla, "Vader Jan");
        await carla.GotoAsync($"{circle}/requests/new");
        await RequestSteps.AskTheNeighbourhoodAsync(carla, "Boodschappen voor vader", 2);
        await OnTheHubAsync(carla);

        // In her list on the page (the alert card, outside the page's main part, links to it too).
        await Expect(vera.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Boodschappen voor vader" })).ToBeVisibleAsync();
        Assert.True(await StillTheSamePageAsync(vera), "Vera's list was reloaded.");

        // Matching asked the best volunteers nearby the moment it was posted (no sweep): Vera, on the hub, has the
        // alert on the page she is on and takes it on from there.
        var alert = vera.GetByRole(AriaRole.Region, new() { Name = "Meldingen" });
        await Expect(alert).ToContainTextAsync("Er wordt om uw hulp gevraagd");
        await Expect(alert).ToContainTextAsync("u helpt met boodschappen");
        await alert.GetByRole(AriaRole.Button, new() { Name = "Ik help" }).ClickAsync();
        await Expect(vera).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/help/[0-9a-f-]+$"));
        await Expect(vera.GetByRole(AriaRole.Main)).ToContainTextAsync("1055 KL");

        // The carer's open request list shows who took it on, without a reload.
        await Expect(carla.GetByRole(AriaRole.Main)).ToContainTextAsync("Vera Buurvrouw");
    }

    /// <summary>Waits until the page is on the hub, and marks the page to see later that it was not reloaded.</summary>
    private static async Task NotReloadedAsync(IPage page)
    {
        await OnTheHubAsync(page);
        await page.EvaluateAsync("() => { window.wehelpenStillHere = true; }");
    }

    /// <summary>live.js marks the body once the hub has put the page's connection in the person's circles.</summary>
    private static Task OnTheHubAsync(IPage page) => Expect(page.Locator("body[data-live-connected=true]")).ToHaveCountAsync(1);

    private static Task<bool> StillTheSamePageAsync(IPage page) => page.EvaluateAsync<bool>("() => window.wehelpenStillHere === true");
}
