using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>
/// The pages under the strict Content-Security-Policy, in a real browser: nothing they do is refused (no inline style
/// or script, the hub's WebSocket allowed), and what they show and send still works.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_carers_pages_chat_and_forms_run_without_a_single_refusal()
    {
        var refused = new ConcurrentQueue<string>();
        var carla = await WatchedPageAsync(refused);
        await AccountSteps.SignedInPersonAsync(carla, "Carla Dochter");
        var circle = await CircleSteps.StartCircleForAsync(carla, "Vader Jan");
        var code = await CircleSteps.InviteMemberAsync(carla, circle);
        var els = await WatchedPageAsync(refused);
        await AccountSteps.SignedInPersonAsync(els, "Els Buur");
        await els.GotoAsync($"/join/{code.Replace("-", "")}");
        await Expect(els.GetByText("Dit is de zorgcirkel rond Vader Jan.")).ToBeVisibleAsync();

        var pages = new[]
        {
            "/", "/circles", circle, $"{circle}/members", $"{circle}/agenda", $"{circle}/agenda/new", $"{circle}/logbook",
            $"{circle}/notes", $"{circle}/workload", $"{circle}/requests", $"{circle}/requests/new", "/calendar", "/offers",
            "/social-map", "/notifications", "/notifications/settings", "/profile", "/account/privacy", "/account/security",
            "/account/two-step", "/privacy", "/bestaat-niet",
        };
        foreach (var path in pages)
        {
            var response = await carla.GotoAsync(path);
            Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"]);
            await Expect(carla.Locator("body[data-live-connected=true]")).ToHaveCountAsync(1);
        }

        // The chat: sent over the hub's WebSocket and shown by chat.js.
        await carla.GotoAsync($"{circle}/chat");
        await Expect(carla.Locator("body[data-live-connected=true]")).ToHaveCountAsync(1);
        await carla.GetByLabel("Uw bericht").FillAsync("Alles goed onder het beleid?");
        await carla.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await Expect(carla.GetByRole(AriaRole.Log).Locator(".chat-message:not(.chat-pending)")).ToContainTextAsync("Alles goed onder het beleid?");
        // A form that redirects (form-action 'self' follows it).
        await carla.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(carla.Locator("html[lang=en]")).ToHaveCountAsync(1);

        Assert.True(refused.IsEmpty, string.Join("\n", refused));
    }

    /// <summary>A page whose console and policy reports are collected: every refusal the browser made, with where.</summary>
    private async Task<IPage> WatchedPageAsync(ConcurrentQueue<string> refused)
    {
        var page = await browser.NewPageAsync();
        await page.Context.AddInitScriptAsync("""
            document.addEventListener("securitypolicyviolation", (e) =>
              console.error(`policy refused ${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
            """);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("refused", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                refused.Enqueue($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => refused.Enqueue($"{page.Url}: {error}");
        return page;
    }
}
