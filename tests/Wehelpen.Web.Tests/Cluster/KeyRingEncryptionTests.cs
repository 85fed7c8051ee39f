using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.Cluster;
using Wehelpen.Web.Tests.Accounts.Sessions;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Cluster;

/// <summary>The Data Protection key ring is encrypted at rest: a copy of the database alone cannot mint a login.</summary>
public sealed class KeyRingEncryptionTests
{
    [Theory, BothDatabases]
    public async Task The_keys_in_the_database_hold_no_secret_in_the_clear(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings);
        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Kees Sleutel"), "Kees Sleutel");
        var (browser, _) = await app.BrowserSignInAsync("Kees Sleutel");
        Assert.True(await browser.SignedInAsync());

        var keys = await KeysAsync(app);

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml);
            Assert.DoesNotContain("<value>", xml);
            Assert.Contains("EncryptedData", xml);
        });
    }

    [Theory, BothDatabases]
    public async Task Keys_stored_in_the_clear_before_are_removed_at_the_next_start_and_what_they_signed_stops_working(DatabaseProvider provider)
    {
        // As an app before encryption was turned on: its keys are written in the clear, and read as they are.
        var before = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings, s => s.AddOptions<KeyManagementOptions>()
            .PostConfigure<IServiceProvider, ILoggerFactory>((o, services, logs) =>
            {
                o.XmlEncryptor = new NullXmlEncryptor();
                o.XmlRepository = new EntityFrameworkCoreXmlRepository<WehelpenDbContext>(services, logs);
            }));
        await before.RegisterConfirmedAsync(CircleSteps.EmailOf("Kees Sleutel"), "Kees Sleutel");
        var (_, cookie) = await before.BrowserSignInAsync("Kees Sleutel");
        var written = await RowsAsync(before);
        Assert.True(written.Any(KeyRingEncryption.IsUnencrypted), "Keys in the clear expected, found: " + string.Join("\n", written));
        await using var after = before.Restarted(services: _ => { });
        await before.DisposeAsync();

        using var copy = after.WithCookie(cookie);

        Assert.False(await copy.SignedInAsync());
        Assert.DoesNotContain(await KeysAsync(after), KeyRingEncryption.IsUnencrypted);
        var (browser, _) = await after.BrowserSignInAsync("Kees Sleutel");
        Assert.True(await browser.SignedInAsync());
        Assert.All(await KeysAsync(after), xml => Assert.Contains("EncryptedData", xml));
    }

    [Theory, BothDatabases]
    public async Task Outside_Development_the_app_refuses_to_start_without_a_certificate_and_says_what_to_set(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            [KeyRingEncryption.PathSetting] = "",
            ["Email:PublicBaseUrl"] = "https://wehelpen.example.nl",
        };

        var refused = Record.Exception(() => WehelpenApplication.StartOn(database, settings));

        Assert.NotNull(refused);
        Assert.Contains("DataProtection__CertificatePath", refused.ToString());
    }

    [Fact]
    public void Development_makes_its_own_certificate_once_and_keeps_it()
    {
        var folder = Directory.CreateTempSubdirectory("wehelpen-dev-cert-").FullName;
        try
        {
            var path = Path.Combine(folder, KeyRingEncryption.DevelopmentCertificate);
            KeyRingEncryption.EnsureCertificate(path, password: null);
            var first = File.ReadAllBytes(path);
            KeyRingEncryption.EnsureCertificate(path, password: null);

            Assert.Equal(first, File.ReadAllBytes(path));
            using var certificate = KeyRingEncryption.Load(path, password: null);
            Assert.True(certificate.HasPrivateKey);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<string>> KeysAsync(WehelpenApplication app) =>
        [.. (await RowsAsync(app)).Where(xml => xml.StartsWith("<key", StringComparison.Ordinal))];

    private static Task<List<string>> RowsAsync(WehelpenApplication app) =>
        app.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml ?? "").ToListAsync());
}
