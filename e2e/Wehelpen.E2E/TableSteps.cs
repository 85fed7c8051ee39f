using Microsoft.Playwright;

namespace Wehelpen.E2E;

/// <summary>What a data table in its scrolling region must be on a phone and on a computer (the figures' treatment).</summary>
public static class TableSteps
{
    /// <summary>
    /// Every word of every cell on one line (a word broken letter by letter has a line box per piece), the first column
    /// at least <paramref name="firstColumn"/> px wide, the page itself never wider than the screen, and from
    /// <paramref name="fitsFrom"/> px on the whole table inside its region without scrolling.
    /// </summary>
    public static async Task ReadsInWholeWordsAsync(IPage page, string regionName, int width, int firstColumn = 100, int fitsFrom = 1280)
    {
        var region = page.GetByRole(AriaRole.Region, new() { Name = regionName });
        var first = await region.Locator("tbody tr:first-child > :first-child").BoundingBoxAsync();
        Assert.True(first!.Width >= firstColumn, $"The first column of '{regionName}' is {first.Width} px wide at {width} px.");
        var broken = await region.EvaluateAsync<string[]>("""
            (r) => {
              const broken = [];
              for (const cell of r.querySelectorAll("th, td")) {
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let text = walker.nextNode(); text; text = walker.nextNode()) {
                  for (const word of text.data.matchAll(/\S+/g)) {
                    const range = document.createRange();
                    range.setStart(text, word.index);
                    range.setEnd(text, word.index + word[0].length);
                    if (range.getClientRects().length > 1) broken.push(word[0]);
                  }
                }
              }
              return broken;
            }
            """);
        Assert.True(broken.Length == 0, $"Words broken over lines in '{regionName}' at {width} px: {string.Join(", ", broken)}");
        var sizes = await region.EvaluateAsync<int[]>("(r) => [r.scrollWidth, r.clientWidth]");
        if (width >= fitsFrom) Assert.True(sizes[0] <= sizes[1], $"'{regionName}' needs {sizes[0]} px in {sizes[1]} px at {width} px.");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, $"The page scrolls sideways at {width} px.");
    }
}
