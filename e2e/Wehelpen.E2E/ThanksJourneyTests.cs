using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>
/// Thanks and the yearly overview (issue 24) in the browser, on a small phone and on a computer: a carer thanks the
/// volunteer who did the shopping, the volunteer reads it and opens the overview of their year; axe-core finds nothing
/// serious or critical on the circle's request with its thanks, the volunteer's thanks, or the overview (on screen and
/// as printed), whose tables keep their words whole at 360 px. With WEHELPEN_SCREENSHOTS set to a folder, each is also
/// saved there as a picture to look at.
/// </summary>
public sealed class ThanksJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task A_carer_thanks_the_volunteer_who_reads_it_and_prints_the_overview_of_the_year(int width)
    {
        var (carerName, volunteerName) = width < 600 ? ("Carla Smal", "Vera Smal") : ("Carla Breed", "Vera Breed");
        var title = $"Boodschappen voor vader ({width})";
        var carer = await browser.NewPageAsync(new() { Width = width, Height = 800 });
        await RequestSteps.CarerAsksAsync(carer, carerName, "Vader Jan", title);
        var requestPage = carer.Url;
        var volunteer = await browser.NewPageAsync(new() { Width = width, Height = 800 });
        await RequestSteps.VolunteerNearbyAsync(volunteer, volunteerName);
        await RequestSteps.OpenNearbyAsync(volunteer, title);
        await volunteer.GetByRole(AriaRole.Button, new() { Name = "Ik help" }).ClickAsync();
        await volunteer.GetByRole(AriaRole.Button, new() { Name = "Het is gedaan" }).ClickAsync();
        await Expect(volunteer.GetByRole(AriaRole.Button, new() { Name = "Het is gedaan" })).ToHaveCountAsync(0);

        await carer.GotoAsync(requestPage);
        await carer.GetByLabel("Uw bedankje").FillAsync("Dank je wel, Vera! Vader was er heel blij mee.");
        await carer.GetByRole(AriaRole.Button, new() { Name = "Bedank Vera" }).ClickAsync();
        await Expect(carer.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw bedankje is verstuurd naar Vera.");
        await AxeCheck.NoSeriousIssuesAsync(carer, $"(the request with its thanks) at {width} px");
        await Screenshots.TakeAsync(carer, $"request-thanks-{width}");

        await volunteer.GotoAsync("/help/thanks");
        await Expect(volunteer.GetByRole(AriaRole.Heading, new() { Name = "Mijn bedankjes", Level = 1 })).ToBeVisibleAsync();
        await Expect(volunteer.Locator(".thanks-note")).ToHaveTextAsync("Dank je wel, Vera! Vader was er heel blij mee.");
        await AxeCheck.NoSeriousIssuesAsync(volunteer, $"(my thanks) at {width} px");
        await Screenshots.TakeAsync(volunteer, $"thanks-{width}");

        await volunteer.GetByRole(AriaRole.Link, new() { Name = "Jaaroverzicht van mijn hulp" }).ClickAsync();
        await Expect(volunteer.GetByRole(AriaRole.Button, new() { Name = "Afdrukken" })).ToBeVisibleAsync(); // print.js shows it
        await Expect(volunteer.GetByRole(AriaRole.Cell, new() { Name = "een hulpvrager in 1055" })).ToBeVisibleAsync();
        // Its tables read in whole words on a phone too: the tasks scroll sideways in their own region instead, the
        // figures of three columns fit.
        await Expect(volunteer.GetByRole(AriaRole.Table, new() { Name = "Alle taken" })).ToBeVisibleAsync();
        await TableSteps.ReadsInWholeWordsAsync(volunteer, "Alle taken", width);
        foreach (var table in new[] { "Per maand", "Per soort hulp" })
            await TableSteps.ReadsInWholeWordsAsync(volunteer, table, width, fitsFrom: 360);
        await AxeCheck.NoSeriousIssuesAsync(volunteer, $"(the yearly overview) at {width} px");
        await Screenshots.TakeAsync(volunteer, $"overview-{width}");

        await volunteer.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(volunteer.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(volunteer.GetByRole(AriaRole.Button, new() { Name = "Afdrukken" })).ToBeHiddenAsync();
        await Expect(volunteer.GetByRole(AriaRole.Cell, new() { Name = "een hulpvrager in 1055" })).ToBeVisibleAsync();
        await AxeCheck.NoSeriousIssuesAsync(volunteer, $"(the yearly overview as printed) at {width} px");
        await Screenshots.TakeAsync(volunteer, $"overview-print-{width}");
    }
}
