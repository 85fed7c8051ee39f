using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Platform.Cluster;
using Wehelpen.Web.Platform.Email;
using Wehelpen.Web.Tests.Accounts.TwoFactor;

namespace Wehelpen.Web.Tests;

/// <summary>
/// The real application over the real HTTP pipeline, on its own freshly migrated database (SQLite or PostgreSQL; a copy
/// of the test run's migrated template, see <see cref="TestDatabase"/>) and its own mail folder: one per test, so tests
/// never see each other's data.
/// </summary>
public sealed partial class WehelpenApplication : WebApplicationFactory<Program>
{
    public const string Password = "een lange zin als wachtwoord";

    private static readonly Dictionary<string, string> GenerousLimits = new()
    {
        ["RateLimits:RegistrationsPerHour"] = "10000",
        ["RateLimits:EmailConfirmationsPerQuarterHour"] = "10000",
        ["RateLimits:TokenRefreshesPerQuarterHour"] = "10000",
        ["RateLimits:ChatMessagesPerMinute"] = "10000",
        ["RateLimits:HelpRequestsPerHour"] = "10000",
        ["RateLimits:ReportsPerHour"] = "10000",
        ["RateLimits:TwoFactorChangesPerQuarterHour"] = "10000",
        ["RateLimits:TwoFactorCodesPerMinute"] = "10000",
        ["RateLimits:SessionEndsPerQuarterHour"] = "10000",
        ["RateLimits:PasswordChangesPerHour"] = "10000",
    };

    private readonly TestDatabase _database;
    private bool _ownsDatabase = true;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    static WehelpenApplication()
    {
        // Hundreds of app instances start in one test process. A stopped host does not give back the inotify
        // instances of its file watchers (appsettings reload, the web root behind asp-append-version), and Linux
        // allows 128 per user: without these, the suite fails part-way with "inotify limit reached".
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    private WehelpenApplication(TestDatabase database, Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _database = database;
        _settings = settings;
        _services = services;
    }

    public DatabaseProvider Provider => _database.Provider;
    public string ConnectionString => _database.ConnectionString;
    public string MailFolder => Path.Combine(_database.Folder, "mail");

    public static async Task<WehelpenApplication> StartAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        var app = new WehelpenApplication(database, settings ?? [], services);
        _ = app.Server; // start now, so that migration problems fail here and not in the first request
        return app;
    }

    /// <summary>
    /// The app on a database the test prepared first (as an older version left it, or empty, for a test of what the
    /// app does at its first start); the app owns it from now on.
    /// </summary>
    public static WehelpenApplication StartOn(TestDatabase database, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = new WehelpenApplication(database, settings ?? [], services);
        _ = app.Server;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: errors must look as they do in production (no stack traces), and the mail page is off.
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Wehelpen", _database.ConnectionString);
        builder.UseSetting("Email:Folder", MailFolder);
        builder.UseSetting("Email:Smtp:Host", "");
        builder.UseSetting("DemoData:Enabled", "false");
        // Scheduled jobs run only where a test says so; the others call the use cases with their own clock.
        builder.UseSetting("Scheduling:Enabled", "false");
        builder.UseSetting(KeyRingEncryption.PathSetting, TestCertificate.Path);
        builder.UseSetting(KeyRingEncryption.PasswordSetting, TestCertificate.Password);
        // Every test's people register, confirm, chat and ask from one address and in one minute: the limits are
        // tested where a test sets them low, and stay out of the way elsewhere.
        foreach (var (key, value) in GenerousLimits) builder.UseSetting(key, value);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        // Account mail is made at once: the pause that keeps its work out of the answer's time is measured by the
        // login benchmark, and here it would only make every test that reads a mail wait.
        builder.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton(AccountMailTiming.Default with { Pause = TimeSpan.Zero })));
        // Passwords are hashed as in production (PBKDF2, Identity's format) but with fewer rounds: every test registers
        // and signs in several people, and at full strength (100,000 rounds) hashing was a large part of a test's
        // time. Nothing a test checks depends on the count (a stored hash carries its own); what the full count costs
        // is measured by the login benchmark (tests/Wehelpen.Benchmarks).
        builder.ConfigureTestServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        if (_services is not null) builder.ConfigureTestServices(_services);
        if (AppErrorLog.Path is { } errors)
            builder.ConfigureLogging(logging => logging.AddProvider(new AppErrorLog(errors, Path.GetFileName(_database.Folder))));
    }

    /// <summary>
    /// The app once more on this app's database and mail folder, as after a restart; the database now belongs to the
    /// new one. It starts when first used: dispose this one first (the process that stopped or was killed).
    /// </summary>
    public WehelpenApplication Restarted(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _ownsDatabase = false;
        return new WehelpenApplication(_database, settings ?? _settings, services ?? _services);
    }

    /// <summary>
    /// A second node on this app's database and mail folder, running beside this one (PostgreSQL): as an operator runs
    /// two processes behind a proxy. It starts when first used; dispose it before this one, which owns the database.
    /// </summary>
    public WehelpenApplication AnotherNode() => new(_database, _settings, _services) { _ownsDatabase = false };

    public HttpClient CreateApiClient(string? language = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    /// <summary>Looks straight into the app's database, for what no endpoint shows (yet).</summary>
    public async Task<T> QueryAsync<T>(Func<WehelpenDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WehelpenDbContext>());
    }

    /// <summary>The mail to <paramref name="to"/>, newest first, once the account mails asked for so far are sent.</summary>
    public IReadOnlyList<StoredEmail> Emails(string to)
    {
        AccountMailSent();
        return Services.GetRequiredService<FolderEmailSender>().ReadAll().Where(m => m.To == to).ToList();
    }

    /// <summary>Waits until the account mails asked for (sent after the answer: AccountMailQueue) are sent or given up.</summary>
    public void AccountMailSent()
    {
        var queue = Services.GetRequiredService<AccountMailQueue>();
        Assert.True(queue.WaitUntilIdle(TimeSpan.FromSeconds(30)), $"{queue.Pending} account mails still waiting after 30 s");
    }

    /// <summary>
    /// The link that contains <paramref name="path"/> in the newest email to <paramref name="to"/> that has one (mails
    /// written at one moment of a test clock have no order among them).
    /// </summary>
    public Uri LinkInEmail(string to, string path)
    {
        var messages = Emails(to);
        if (messages.Count == 0) throw new InvalidOperationException($"No email to {to}.");
        var link = messages.SelectMany(m => Links().Matches(m.TextBody).Select(l => l.Value)).FirstOrDefault(l => l.Contains(path, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No link to {path} in '{string.Join("\n---\n", messages.Select(m => m.TextBody))}'.");
        return new Uri(link);
    }

    /// <summary>Registers through the API and confirms through the emailed link, as a person would; returns the account's id.</summary>
    public async Task<string> RegisterConfirmedAsync(string email, string displayName = "Test Persoon", string[]? roles = null, string? postcode = null)
    {
        using var client = CreateApiClient();
        var response = await client.PostAsJsonAsync("/api/v1/account/register",
            new { email, password = Password, displayName, roles = roles ?? ["resident"], postcode, acceptPrivacyStatement = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var confirm = LinkInEmail(email, "/account/confirm-email");
        var page = await client.GetAsync(confirm.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return UserIdIn(confirm);
    }

    /// <summary>
    /// The account's id, from its confirmation link: the registration's answer holds none, since it must look the same
    /// for an address that already had an account.
    /// </summary>
    public static string UserIdIn(Uri confirmationLink) =>
        System.Web.HttpUtility.ParseQueryString(confirmationLink.Query)["userId"] ?? throw new InvalidOperationException($"No userId in {confirmationLink}");

    /// <summary>
    /// A client that carries the bearer token of a freshly logged-in person; with the code of their app when they
    /// have two-step sign-in, which is set up first for those who must have it (professionals, administrators).
    /// </summary>
    public async Task<HttpClient> LoginAsync(string email, string password = Password)
    {
        var client = CreateApiClient();
        // The code goes along whenever there is a key; the app asks for it only when two-step sign-in is on.
        var key = await this.AuthenticatorKeyAsync(email);
        var response = await client.PostAsJsonAsync("/api/v1/account/login",
            new { email, password, twoFactorCode = key is null ? null : TwoStepSteps.CodeNow(key) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (!await client.MustSetUpTwoStepAsync()) return client;
        await client.SetUpTwoStepAsync();
        client.Dispose();
        return await LoginAsync(email, password);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) await _database.DisposeAsync();
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
