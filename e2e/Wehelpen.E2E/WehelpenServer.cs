using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Wehelpen.E2E;

/// <summary>
/// The real app on real Kestrel, bound to 127.0.0.1 on a port the OS picks, with its own SQLite database and
/// mail folder in a temporary directory, so that a run never touches a developer's data and runs can overlap.
/// </summary>
public sealed class WehelpenServer : WebApplicationFactory<Program>
{
    private readonly string _root = Directory.CreateTempSubdirectory("wehelpen-e2e-").FullName;

    public WehelpenServer()
    {
        // Port 0 on an explicit address: no race between finding a free port and binding it.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public string DatabasePath => Path.Combine(_root, "e2e.db");

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
        // Matching asks volunteers only when a test says so (SweepAsync): an alert popping up in the middle of another
        // journey would make it depend on the minute it ran in.
        builder.UseSetting("Requests:SweepSeconds", "86400");
    }

    /// <summary>What the clock does to requests by itself (expiry, widening, matching's waves), now.</summary>
    public async Task SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Wehelpen.Web.Features.Requests.RequestSweeper>().SweepAsync(CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a leftover temp dir is harmless; a failed test run because of it is not */ }
    }
}
