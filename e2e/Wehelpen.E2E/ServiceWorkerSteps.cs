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
    /// Pushes as the push service would, through Chromium itself (DevTools' "Push"), to the registration whose worker
    /// controls this page. DevTools may also list the registrations of other contexts (with the same scope, and still
    /// while a closed context is torn down): the scope alone does not say which is this page's. Close the others first
    /// (<see cref="BrowserFixture.CloseOtherContextsAsync"/>) all the same: fewer workers, less to wait for.
    /// </summary>
    public static async Task<Func<string, Task>> PusherAsync(IPage page, string baseUrl)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        var pageTarget = (await devTools.SendAsync("Target.getTargetInfo"))!.Value.GetProperty("targetInfo").GetProperty("targetId").GetString();
        var registration = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        devTools.Event("ServiceWorker.workerVersionUpdated").OnEvent += (_, e) =>
        {
            foreach (var version in e!.Value.GetProperty("versions").EnumerateArray())
                if (version.GetProperty("scriptURL").GetString() == $"{baseUrl}/sw.js"
                    && version.TryGetProperty("controlledClients", out var clients)
                    && clients.EnumerateArray().Any(client => client.GetString() == pageTarget))
                    registration.TrySetResult(version.GetProperty("registrationId").GetString()!);
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

    /// <summary>
    /// Clicks the (first) notification the worker shows, as far as a test can: neither Chromium nor its DevTools protocol can
    /// click a notification (DevTools can push, sync and start a worker; Chromium's own notification tests click with a
    /// hook of its test shell that a browser lacks). So the worker is handed a <c>notificationclick</c> of our own,
    /// made in it for the real notification it shows, and its handler runs as it would for a tap. Two things differ
    /// from a tap, both because such an event is not trusted: the event's own <c>waitUntil</c> throws, so what the
    /// handler waits for is kept here instead (and its outcome returned: "done", or the error); and the click grants
    /// the worker no right to focus a window or open one, so only what a worker may do without that can be seen.
    /// </summary>
    /// <returns>The outcome of each promise the handler waited for.</returns>
    public static Task<string[]> ClickNotificationAsync(IPage page, string baseUrl) =>
        InWorkerAsync<string[]>(page, baseUrl, """
            (async () => {
              const [notification] = await self.registration.getNotifications();
              if (!notification) throw new Error("No notification is shown to click.");
              const event = new NotificationEvent("notificationclick", { notification });
              const waitedFor = [];
              Object.defineProperty(event, "waitUntil", { value: (promise) => waitedFor.push(promise) });
              self.dispatchEvent(event);
              const outcomes = await Promise.allSettled(waitedFor);
              return outcomes.map((o) => o.status === "fulfilled" ? "done" : String(o.reason));
            })()
            """);

    /// <summary>
    /// Evaluates an expression in this page's service worker and returns its (awaited) value. Playwright for .NET does
    /// not hand out the service workers it sees, and its DevTools sessions cannot address a worker's own session; so
    /// the browser's session finds the worker of this page's context and sends it Runtime.evaluate through
    /// Target.sendMessageToTarget (the protocol's older, unflattened way to talk to another target; Chromium keeps it).
    /// </summary>
    private static async Task<T> InWorkerAsync<T>(IPage page, string baseUrl, string expression)
    {
        var pageSession = await page.Context.NewCDPSessionAsync(page);
        var pageTarget = await pageSession.SendAsync("Target.getTargetInfo");
        var contextId = pageTarget!.Value.GetProperty("targetInfo").GetProperty("browserContextId").GetString();
        await pageSession.DetachAsync();

        var browser = await page.Context.Browser!.NewBrowserCDPSessionAsync();
        try
        {
            var worker = await RunningWorkerAsync(page, browser, $"{baseUrl}/sw.js", contextId);
            var attached = await browser.SendAsync("Target.attachToTarget", new() { ["targetId"] = worker.GetProperty("targetId").GetString()!, ["flatten"] = false });
            var sessionId = attached!.Value.GetProperty("sessionId").GetString()!;
            var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            browser.Event("Target.receivedMessageFromTarget").OnEvent += (_, e) =>
            {
                if (e!.Value.GetProperty("sessionId").GetString() != sessionId) return;
                using var message = JsonDocument.Parse(e.Value.GetProperty("message").GetString()!);
                if (message.RootElement.TryGetProperty("id", out var id) && id.GetInt32() == 1) answer.TrySetResult(message.RootElement.Clone());
            };
            var evaluate = JsonSerializer.Serialize(new
            {
                id = 1, method = "Runtime.evaluate",
                @params = new { expression, awaitPromise = true, returnByValue = true },
            });
            await browser.SendAsync("Target.sendMessageToTarget", new() { ["sessionId"] = sessionId, ["message"] = evaluate });
            var reply = await answer.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var result = reply.GetProperty("result");
            if (result.TryGetProperty("exceptionDetails", out var thrown)) throw new InvalidOperationException($"In the service worker: {thrown}");
            return result.GetProperty("result").GetProperty("value").Deserialize<T>()!;
        }
        finally
        {
            await browser.DetachAsync();
        }
    }

    /// <summary>
    /// The DevTools target of the worker, while it runs. A worker with nothing to do may be stopped by the browser;
    /// a message from the page (which it ignores) starts it again.
    /// </summary>
    private static async Task<JsonElement> RunningWorkerAsync(IPage page, ICDPSession browser, string script, string? contextId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var targets = await browser.SendAsync("Target.getTargets");
            foreach (var target in targets!.Value.GetProperty("targetInfos").EnumerateArray())
                if (target.GetProperty("type").GetString() == "service_worker" && target.GetProperty("url").GetString() == script &&
                    target.GetProperty("browserContextId").GetString() == contextId)
                    return target.Clone();
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No running service worker {script} in this page's context.");
            await page.EvaluateAsync("() => navigator.serviceWorker.controller.postMessage({ type: 'wake' })");
            await page.WaitForTimeoutAsync(100);
        }
    }
}
