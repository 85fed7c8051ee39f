using Microsoft.Playwright;

namespace Wehelpen.E2E;

/// <summary>One app and one headless chromium per test class; every test gets its own browser context (cookies).</summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserFixture() : this(new Dictionary<string, string>()) { }

    /// <param name="settings">Settings of this class's app beside the usual ones (a low limit, say).</param>
    protected BrowserFixture(IReadOnlyDictionary<string, string> settings) => Server = new WehelpenServer(settings);

    public WehelpenServer Server { get; }

    public async Task InitializeAsync()
    {
        // The first request of a page compiles it; the default of 5 s is too tight for that on a busy machine.
        Assertions.SetDefaultExpectTimeout(15_000);
        Server.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            // Debian's chromium: Playwright's own browser download is not available here.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = Server.BaseUrl,
            ViewportSize = viewport ?? new() { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes the contexts earlier tests of this class left open (tests of one class run one at a time). For what the
    /// DevTools protocol sees browser-wide, such as service worker registrations, whose scope is the same in every
    /// context of this class's app.
    /// </summary>
    public async Task CloseOtherContextsAsync(IPage keep)
    {
        foreach (var context in _browser!.Contexts.Where(c => c != keep.Context).ToList()) await context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
