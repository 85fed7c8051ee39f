using Microsoft.Playwright;

namespace Wehelpen.E2E;

/// <summary>With WEHELPEN_SCREENSHOTS set to a folder, a journey saves the states it checks there as pictures to look at.</summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("WEHELPEN_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }
}
