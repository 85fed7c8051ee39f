using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>/figures on a phone and on a computer: its tables read well, and axe finds nothing serious.</summary>
public sealed class FiguresJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task The_table_per_gebied_shows_whole_names_and_its_caption_on_the_screen(int width)
    {
        var page = await browser.NewPageAsync(new() { Width = width, Height = 900 });
        var ada = await AccountSteps.SignedInPersonAsync(page, $"Ada Cijfers {width}");
        await AccountSteps.MakeAdministratorAsync(browser.Server, ada.Email);
        await AccountSteps.LogInAsync(page, ada);
        await AccountSteps.SetUpTwoStepAsync(page);

        await page.GotoAsync("/figures");

        var table = page.GetByRole(AriaRole.Table, new() { NameRegex = new("^Cijfers per gebied") });
        await Expect(table).ToBeVisibleAsync();
        // A gebied's name is read as words: its column is never squeezed to a letter or two per line.
        var nameColumn = await table.Locator("tbody th[scope=row]").First.BoundingBoxAsync();
        Assert.True(nameColumn!.Width >= 120, $"The gebied column is {nameColumn.Width} px wide at {width} px.");
        var region = page.GetByRole(AriaRole.Region, new() { NameRegex = new("^Cijfers per gebied") });
        // The caption (the table's name, with the period) stays within the screen, also when the table scrolls.
        var caption = await page.Locator("#areas-caption").BoundingBoxAsync();
        Assert.True(caption!.X >= 0 && caption.X + caption.Width <= width, $"The caption runs from {caption.X} to {caption.X + caption.Width} px on a {width} px screen.");
        // On a computer the whole table fits; on a phone it scrolls within its own region, not the page.
        var sizes = await region.EvaluateAsync<int[]>("(r) => [r.scrollWidth, r.clientWidth]");
        var (scroll, client) = (sizes[0], sizes[1]);
        if (width >= 1280) Assert.True(scroll <= client, $"The table needs {scroll} px in {client} px at {width} px.");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width);
        await AxeCheck.NoSeriousIssuesAsync(page, $"at {width} px");
    }
}
