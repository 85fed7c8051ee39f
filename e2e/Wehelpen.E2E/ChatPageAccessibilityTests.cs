using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>The circle's chat, with messages in it, on a phone and on a computer: axe finds nothing serious.</summary>
public sealed class ChatPageAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task The_chat_with_its_messages_is_a_log_of_list_items(int width)
    {
        var page = await browser.NewPageAsync(new() { Width = width, Height = 900 });
        await AccountSteps.SignedInPersonAsync(page, $"Carla Chat {width}");
        var circle = await CircleSteps.StartCircleForAsync(page, "Vader Jan");
        await page.GotoAsync($"{circle}/chat");
        await page.GetByLabel("Uw bericht").FillAsync("Wie gaat dinsdag mee naar de cardioloog?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Log).Locator(".chat-message:not(.chat-pending)")).ToHaveCountAsync(1);
        await page.ReloadAsync(); // as the server writes it, and again as chat.js adds to it below

        await page.GetByLabel("Uw bericht").FillAsync("Ik bel de huisarts morgen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();

        var messages = page.GetByRole(AriaRole.Log).GetByRole(AriaRole.List).GetByRole(AriaRole.Listitem);
        await Expect(messages).ToHaveCountAsync(2);
        await Expect(messages.Last).ToContainTextAsync("Ik bel de huisarts morgen.");
        await AxeCheck.NoSeriousIssuesAsync(page, $"(the circle's chat) at {width} px");
    }
}
