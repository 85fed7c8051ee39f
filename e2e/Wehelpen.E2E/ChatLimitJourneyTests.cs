using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>Someone who sends more chat messages than the limit reads why, and keeps what they typed.</summary>
public sealed class ChatLimitJourneyTests(ChatLimitJourneyTests.TwoMessagesAMinute browser) : IClassFixture<ChatLimitJourneyTests.TwoMessagesAMinute>
{
    public sealed class TwoMessagesAMinute() : BrowserFixture(new Dictionary<string, string> { ["RateLimits:ChatMessagesPerMinute"] = "2" });

    [Fact]
    public async Task A_message_over_the_limit_stays_in_the_box_with_the_reason()
    {
        var carla = await browser.NewPageAsync();
        await AccountSteps.SignedInPersonAsync(carla, "Carla Dochter");
        var circle = await CircleSteps.StartCircleForAsync(carla, "Vader Jan");
        await carla.GotoAsync($"{circle}/chat");
        await Expect(carla.Locator("body[data-live-connected=true]")).ToHaveCountAsync(1);
        var box = carla.GetByLabel("Uw bericht");
        var send = carla.GetByRole(AriaRole.Button, new() { Name = "Versturen" });

        var stored = carla.GetByRole(AriaRole.Log).Locator(".chat-message:not(.chat-pending)");
        await box.FillAsync("Een");
        await send.ClickAsync();
        await Expect(stored).ToHaveCountAsync(1);
        await box.FillAsync("Twee");
        await send.ClickAsync();
        await Expect(stored).ToHaveCountAsync(2);
        await box.FillAsync("Drie, en dat is er een te veel");
        await send.ClickAsync();

        var reason = carla.Locator("[data-chat-error]");
        await Expect(reason).ToHaveTextAsync("U heeft in korte tijd veel berichten gestuurd. U kunt het over een minuut weer proberen.");
        await Expect(reason).ToHaveAttributeAsync("role", "alert");
        await Expect(box).ToHaveValueAsync("Drie, en dat is er een te veel");
        await Expect(box).ToBeFocusedAsync();
        await Expect(carla.GetByRole(AriaRole.Log).Locator(".chat-message")).ToHaveCountAsync(2);
    }
}
