using System.Text.Json;
using Microsoft.Playwright;

namespace Wehelpen.E2E;

/// <summary>The service worker (wwwroot/sw.js) as the tests wait for it and push to it.</summary>
public static class ServiceWorkerSteps
{
    /// <summary>Waits until the service worker is active (and serving this page), then says what it is.</summary>
    public static async Task<JsonElement> ActiveWorkerAsync(IPage page)
    {
        var worker = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const registration = await navigator.serviceWorker.ready;
              const worker = registration.active;
              // The state can change between reading it and listening: look again on each change, and now.
              await new Promise((done) => {
                const check = () => worker.state === "activated" && done();
                worker.addEventListener("statechange", check);
                check();
              });
              return { scope: registration.scope, script: worker.scriptURL, state: worker.state };
            }
            """);
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        return worker;
    }

    /// <summary>Waits until the service worker has kept the page (it does so after answering it).</summary>
    public static Task KeptAsync(IPage page, string path) =>
        page.EvaluateAsync("""
            async (url) => {
              const deadline = Date.now() + 15000;
              while (!(await caches.match(url))) {
                if (Date.now() > deadline) throw new Error(`${url} was not kept within 15 s`);
                await new Promise((next) => setTimeout(next, 50));
              }
            }
            """, new Uri(new Uri(page.Url), path).ToString());

    /// <summary>
    /// Pushes as the push service would, through Chromium itself (DevTools' "Push"), to this site's registration.
    /// DevTools lists the registrations of every context of the browser, whose scope is the same in each: close the
    /// others first (<see cref="BrowserFixture.CloseOtherContextsAsync"/>), or the push may go to another's worker.
    /// </summary>
    public static async Task<Func<string, Task>> PusherAsync(IPage page, string baseUrl)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        var registration = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        devTools.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            foreach (var r in e!.Value.GetProperty("registrations").EnumerateArray())
                if (r.GetProperty("scopeURL").GetString() == $"{baseUrl}/" && !r.GetProperty("isDeleted").GetBoolean())
                    registration.TrySetResult(r.GetProperty("registrationId").GetString()!);
        };
        await devTools.SendAsync("ServiceWorker.enable");
        var registrationId = await registration.Task.WaitAsync(TimeSpan.FromSeconds(15));
        return data => devTools.SendAsync("ServiceWorker.deliverPushMessage",
            new() { ["origin"] = baseUrl, ["registrationId"] = registrationId, ["data"] = data });
    }

    /// <summary>
    /// The notifications the worker shows, once there are any: looked at again (without pushing more) until then. On a
    /// busy machine the worker's push handler can take seconds.
    /// </summary>
    public static async Task<JsonElement> ShownNotificationsAsync(IPage page)
    {
        JsonElement shown;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((shown = await NotificationsAsync(page)).GetArrayLength() == 0 && DateTime.UtcNow < deadline) await page.WaitForTimeoutAsync(100);
        return shown;
    }

    /// <summary>The notifications the worker shows now (none is an empty list).</summary>
    public static Task<JsonElement> NotificationsAsync(IPage page) => page.EvaluateAsync<JsonElement>("""
        async () => (await (await navigator.serviceWorker.ready).getNotifications())
          .map((n) => ({ title: n.title, body: n.body, tag: n.tag, icon: n.icon, url: n.data && n.data.url }))
        """);
}
