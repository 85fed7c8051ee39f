using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Reminders;

namespace Wehelpen.E2E;

/// <summary>
/// The real app on real Kestrel, bound to 127.0.0.1 on a port the OS picks, with its own SQLite database and
/// mail folder in a temporary directory, so that a run never touches a developer's data and runs can overlap.
/// </summary>
public sealed class WehelpenServer : WebApplicationFactory<Program>
{
    private readonly string _root = Directory.CreateTempSubdirectory("wehelpen-e2e-").FullName;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public WehelpenServer(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        // Port 0 on an explicit address: no race between finding a free port and binding it.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public string DatabasePath => Path.Combine(_root, "e2e.db");

    /// <summary>The app's clock: the real one, until a test moves it on to when a reminder falls due.</summary>
    public AheadClock Clock { get; } = new();

    /// <summary>"http://127.0.0.1:port", once <see cref="Start"/> has run.</summary>
    public string BaseUrl { get; private set; } = "";

    public void Start()
    {
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority);
        // UseSetting must reach the app before it reads its connection string; if it ever does not, the app
        // would quietly use the developer's database instead, so stop here.
        if (!File.Exists(DatabasePath))
            throw new InvalidOperationException($"The app did not create its database at {DatabasePath}.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development: the mail page /dev/mail only exists there.
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Wehelpen", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Email:Folder", Path.Combine(_root, "mail"));
        builder.UseSetting("DemoData:Enabled", "false");
        // A request posted to the neighbourhood asks its first wave at once; the later waves, widening and expiry come
        // only when a test says so (SweepAsync), so that no journey depends on the minute it ran in.
        builder.UseSetting("Requests:SweepSeconds", "86400");
        // One browser registers, confirms, chats and asks for every journey from 127.0.0.1, within the hour.
        foreach (var limit in new[] { "RegistrationsPerHour", "EmailConfirmationsPerQuarterHour", "TokenRefreshesPerQuarterHour", "ChatMessagesPerMinute", "HelpRequestsPerHour", "ReportsPerHour" })
            builder.UseSetting($"RateLimits:{limit}", "10000");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>What the clock does to requests by itself (expiry, widening, matching's waves), now.</summary>
    public async Task SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Wehelpen.Web.Features.Requests.RequestSweeper>().SweepAsync(CancellationToken.None);
    }

    /// <summary>
    /// Moves the app's clock on to just after the next reminder planned for this person falls due, and sends what is
    /// due then, as the scheduler would: a journey need not wait a day for "tomorrow at noon". Others' reminders due by
    /// then go too, as they would.
    /// </summary>
    public async Task DispatchNextReminderOfAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        var due = await db.Set<Reminder>().Where(r => r.Status == ReminderStatus.Pending && r.User!.Email == email).OrderBy(r => r.DueAt)
            .Select(r => (DateTimeOffset?)r.DueAt).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException($"No reminder is planned for {email}.");
        Clock.MoveTo(due + TimeSpan.FromSeconds(1));
        await scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a leftover temp dir is harmless; a failed test run because of it is not */ }
    }
}

/// <summary>The real clock, moved ahead by however much a test says; never back.</summary>
public sealed class AheadClock : TimeProvider
{
    private long _aheadTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _aheadTicks));

    public void MoveTo(DateTimeOffset moment)
    {
        var ahead = moment - System.GetUtcNow();
        if (ahead > TimeSpan.FromTicks(Interlocked.Read(ref _aheadTicks))) Interlocked.Exchange(ref _aheadTicks, ahead.Ticks);
    }
}
