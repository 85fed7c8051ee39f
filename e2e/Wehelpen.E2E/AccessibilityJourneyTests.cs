using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>
/// axe-core on the pages of installing, offline and pushes (issue 23), on a small phone and on a computer: nothing
/// serious or critical (<see cref="AxeCheck"/>). Each is checked in the state a person meets it in.
/// </summary>
public sealed class AccessibilityJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task The_device_page_for_pushes(int width)
    {
        var page = await browser.NewPageAsync(new() { Width = width, Height = 800 });
        await AccountSteps.SignedInPersonAsync(page, "Gerda Pushman");

        await page.GotoAsync("/profile/push");

        // As push.js leaves it in Chromium: the button to turn pushes on, the quiet hours.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Meldingen op dit apparaat aanzetten" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Stil vanaf")).ToHaveValueAsync("22:00");
        await AxeCheck.NoSeriousIssuesAsync(page, $"at {width} px");
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task The_offline_page(int width)
    {
        var page = await browser.NewPageAsync(new() { Width = width, Height = 800 });

        await page.GotoAsync("/offline");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "U bent offline", Level = 1 })).ToBeVisibleAsync();
        await AxeCheck.NoSeriousIssuesAsync(page, $"at {width} px");
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task An_agenda_shown_offline_from_the_copy_with_its_banner_and_disabled_forms(int width)
    {
        var page = await browser.NewPageAsync(new() { Width = width, Height = 800 });
        await AccountSteps.SignedInPersonAsync(page, "Rita Dochter");
        var circle = await CircleSteps.StartCircleForAsync(page, "Moeder Anna");
        await CircleSteps.PlanTomorrowAsync(page, circle, "Huisarts");
        await ServiceWorkerSteps.ActiveWorkerAsync(page);
        await page.GotoAsync($"{circle}/agenda");
        await ServiceWorkerSteps.KeptAsync(page, $"{circle}/agenda");

        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();

        // As pwa.js leaves it: the banner, and the forms disabled with their note.
        await Expect(page.Locator("#main > .offline-banner[role=status]")).ToHaveTextAsync("U bent offline; dit is wat u het laatst zag.");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Ik ga mee") })).ToBeDisabledAsync();
        await AxeCheck.NoSeriousIssuesAsync(page, $"(the offline copy) at {width} px");
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task A_request_just_taken_on_with_the_one_time_suggestion_of_pushes(int width)
    {
        // A title of its own: the other width's request is in the same neighbourhood list.
        var title = $"Boodschappen voor vader ({width})";
        var carer = await browser.NewPageAsync();
        await RequestSteps.CarerAsksAsync(carer, "Carla Dochter", "Vader Jan", title);
        var volunteer = await browser.NewPageAsync(new() { Width = width, Height = 800 });
        await RequestSteps.VolunteerNearbyAsync(volunteer, "Vera Buurvrouw");
        await RequestSteps.OpenNearbyAsync(volunteer, title);

        await volunteer.GetByRole(AriaRole.Button, new() { Name = "Ik help" }).ClickAsync();

        // Her first claim, without pushes on any device: the suggestion is on the page, once (_PushSuggestion).
        await Expect(volunteer.GetByRole(AriaRole.Status)).ToContainTextAsync("Dank u wel!");
        await Expect(volunteer.GetByRole(AriaRole.Heading, new() { Name = "Het meteen weten als iemand u nodig heeft?" })).ToBeVisibleAsync();
        await AxeCheck.NoSeriousIssuesAsync(volunteer, $"(with the push suggestion) at {width} px");
    }
}
