using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Email;
using Wehelpen.Web.Tests.Accounts.TwoFactor;

namespace Wehelpen.Web.Tests;

/// <summary>
/// The real application over the real HTTP pipeline, on its own freshly migrated database (SQLite or PostgreSQL)
/// and its own mail folder: one per test, so tests never see each other's data.
/// </summary>
public sealed partial class WehelpenApplication : WebApplicationFactory<Program>
{
    public const string Password = "een lange zin als wachtwoord";

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
        var database = await TestDatabase.CreateAsync(provider);
        var app = new WehelpenApplication(database, settings ?? [], services);
        _ = app.Server; // start now, so that migration problems fail here and not in the first request
        return app;
    }

    /// <summary>The app on a database the test prepared first (as an older version left it, say); the app owns it from now on.</summary>
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
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureTestServices(_services);
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

    public IReadOnlyList<StoredEmail> Emails(string to) =>
        Services.GetRequiredService<FolderEmailSender>().ReadAll().Where(m => m.To == to).ToList();

    /// <summary>The link in the newest email to <paramref name="to"/> that contains <paramref name="path"/>.</summary>
    public Uri LinkInEmail(string to, string path)
    {
        var message = Emails(to).FirstOrDefault() ?? throw new InvalidOperationException($"No email to {to}.");
        var link = Links().Matches(message.TextBody).Select(m => m.Value).FirstOrDefault(l => l.Contains(path, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No link to {path} in '{message.TextBody}'.");
        return new Uri(link);
    }

    /// <summary>Registers through the API and confirms through the emailed link, as a person would.</summary>
    public async Task<string> RegisterConfirmedAsync(string email, string displayName = "Test Persoon", string[]? roles = null, string? postcode = null)
    {
        using var client = CreateApiClient();
        var response = await client.PostAsJsonAsync("/api/v1/account/register",
            new { email, password = Password, displayName, roles = roles ?? ["resident"], postcode, acceptPrivacyStatement = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var confirm = LinkInEmail(email, "/account/confirm-email");
        var page = await client.GetAsync(confirm.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return id;
    }

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
