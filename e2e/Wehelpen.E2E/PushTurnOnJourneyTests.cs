using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>
/// "Meldingen op dit apparaat aanzetten" as push.js does it: permission, a subscription for the server's key, handed to
/// the API, the device in the list. Chromium's own push service is Google's, which a test machine cannot reach, so
/// only that is stood in for: <c>PushManager</c>'s subscribe/getSubscription keep a subscription (with a real P-256
/// key) in localStorage. The page, push.js, the API and the database are the real ones.
/// </summary>
public sealed class PushTurnOnJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string BrowserPushService = """
        (() => {
          const load = () => JSON.parse(localStorage.getItem("test-push") || '{"subscribed":0,"unsubscribed":0}');
          const save = (state) => localStorage.setItem("test-push", JSON.stringify(state));
          const text = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
          const bytes = (s) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - s.length % 4) % 4)), (c) => c.charCodeAt(0));
          const subscription = (state) => ({
            endpoint: state.endpoint,
            options: { userVisibleOnly: true, applicationServerKey: bytes(state.key).buffer },
            toJSON: () => ({ endpoint: state.endpoint, expirationTime: null, keys: { p256dh: state.p256dh, auth: state.auth } }),
            unsubscribe: async () => { const now = load(); now.endpoint = null; now.unsubscribed++; save(now); return true; },
          });
          PushManager.prototype.getSubscription = async function () {
            const state = load();
            return state.endpoint ? subscription(state) : null;
          };
          PushManager.prototype.subscribe = async function (options) {
            const pair = await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"]);
            const state = load();
            state.p256dh = text(await crypto.subtle.exportKey("raw", pair.publicKey));
            state.auth = text(crypto.getRandomValues(new Uint8Array(16)));
            state.endpoint = "https://push.example.net/send/" + crypto.randomUUID();
            state.key = text(options.applicationServerKey);
            state.subscribed++;
            save(state);
            return subscription(state);
          };
        })();
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Turning_pushes_on_hands_a_subscription_for_the_servers_key_to_the_server_and_lists_the_device(bool madeForAnEarlierKey)
    {
        var page = await browser.NewPageAsync(new() { Width = 360, Height = 800 });
        await page.Context.AddInitScriptAsync(BrowserPushService);
        await page.Context.GrantPermissionsAsync(["notifications"]);
        await AccountSteps.SignedInPersonAsync(page, "Greet Telefoon");
        await page.GotoAsync("/profile/push");
        var serverKey = (await (await page.APIRequest.GetAsync("/api/v1/push/public-key")).JsonAsync())!.Value.GetProperty("publicKey").GetString()!;
        if (madeForAnEarlierKey)
        {
            // The browser still holds a subscription made before the server's key pair changed: its push service
            // would refuse pushes signed with the new key, so it must be replaced rather than handed over again.
            await page.EvaluateAsync("""
                () => localStorage.setItem("test-push", JSON.stringify({ subscribed: 0, unsubscribed: 0,
                  endpoint: "https://push.example.net/send/before", key: "BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U",
                  p256dh: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4", auth: "BTBZMqHH6r4Tts7J_aSIgg" }))
                """);
        }

        await TurnOnAsync(page);

        var list = page.GetByRole(AriaRole.List).Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Uitzetten") }) });
        await Expect(list.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(page.GetByText("U hebt nog op geen enkel apparaat meldingen aan.")).ToHaveCountAsync(0);
        var state = await page.EvaluateAsync<JsonElement>("() => JSON.parse(localStorage.getItem('test-push'))");
        Assert.Equal(serverKey, state.GetProperty("key").GetString());
        Assert.Equal(1, state.GetProperty("subscribed").GetInt32());
        Assert.Equal(madeForAnEarlierKey ? 1 : 0, state.GetProperty("unsubscribed").GetInt32());
        var devices = await (await page.APIRequest.GetAsync("/api/v1/push/subscriptions")).JsonAsync();
        Assert.Equal(1, devices!.Value.GetArrayLength());

        // Turned on again on the same device: the subscription the browser has is the right one, and stays.
        await TurnOnAsync(page);
        await Expect(list.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        state = await page.EvaluateAsync<JsonElement>("() => JSON.parse(localStorage.getItem('test-push'))");
        Assert.Equal(1, state.GetProperty("subscribed").GetInt32());
        Assert.Equal(1, (await (await page.APIRequest.GetAsync("/api/v1/push/subscriptions")).JsonAsync())!.Value.GetArrayLength());
    }

    /// <summary>Clicks the button and waits for the page push.js loads again once the server has the device.</summary>
    private static async Task TurnOnAsync(IPage page)
    {
        await page.EvaluateAsync("() => { window.beforeTurningOn = true; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meldingen op dit apparaat aanzetten" }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.beforeTurningOn === undefined && document.readyState === 'complete'");
    }
}
