using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Platform.Cluster;

/// <summary>
/// The Data Protection key ring in the database is encrypted with a certificate (ASP.NET Core's own
/// ProtectKeysWithCertificate), so that a copy of the database alone cannot mint a login cookie or a token:
/// <c>DataProtection:CertificatePath</c> (a PFX with its private key) and <c>DataProtection:CertificatePassword</c>.
/// Every node needs the same certificate. Development makes one under data/ on first start; any other environment
/// without it refuses to start. Keys stored unencrypted before are removed when the ring is read (<see cref="EncryptedKeyRepository"/>).
/// </summary>
public static class KeyRingEncryption
{
    public const string PathSetting = "DataProtection:CertificatePath";
    public const string PasswordSetting = "DataProtection:CertificatePassword";

    /// <summary>Development's own certificate, beside the SQLite database; never used anywhere else.</summary>
    public const string DevelopmentCertificate = "data/dataprotection-development.pfx";

    public const string Missing =
        "The Data Protection key ring would be stored unencrypted: set DataProtection__CertificatePath (a .pfx file with " +
        "its private key, the same on every node) and DataProtection__CertificatePassword. See deploy/README.md, 'Sign-in keys'.";

    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder protection, WebApplicationBuilder builder)
    {
        var root = builder.Environment.ContentRootPath;
        var path = builder.Configuration[PathSetting];
        var password = builder.Configuration[PasswordSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!builder.Environment.IsDevelopment())
            {
                // First of all hosted services: before Data Protection's own, which makes a key at start.
                builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, RefuseUnencryptedKeys>());
                return protection;
            }
            path = EnsureCertificate(Path.Combine(root, DevelopmentCertificate), password: null);
            password = null;
        }
        protection.ProtectKeysWithCertificate(Load(Path.Combine(root, path), password));
        builder.Services.AddOptions<KeyManagementOptions>().PostConfigure<IServiceProvider, ILoggerFactory>((o, services, logs) =>
            o.XmlRepository = new EncryptedKeyRepository(services, o.XmlRepository!, logs.CreateLogger<EncryptedKeyRepository>()));
        return protection;
    }

    public static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"{PathSetting} names {path}, which does not exist.");
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"The certificate {path} could not be read: is {PasswordSetting} right?", e);
        }
    }

    /// <summary>
    /// A self-signed certificate for encrypting the key ring (RSA 3072, a hundred years), written as a PFX unless the
    /// file is there already; the path. Two processes making one at once: the first file stays.
    /// </summary>
    public static string EnsureCertificate(string path, string? password)
    {
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Wehelpen Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pkcs12, password));
        try { File.Move(temporary, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temporary); }
        return path;
    }

    /// <summary>Whether a key's XML holds its secret in the clear (an encrypted one holds EncryptedData instead).</summary>
    public static bool IsUnencrypted(string? xml)
    {
        if (string.IsNullOrEmpty(xml)) return false;
        try
        {
            var key = XElement.Parse(xml);
            return key.Name.LocalName == "key" && key.Descendants().Any(e => e.Name.LocalName == "masterKey");
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }
}

/// <summary>Outside Development, no certificate: the app does not start, and says what to set.</summary>
internal sealed class RefuseUnencryptedKeys(ILogger<RefuseUnencryptedKeys> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogCritical(KeyRingEncryption.Missing);
        throw new InvalidOperationException(KeyRingEncryption.Missing);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// The key ring as EF Core's repository keeps it in <c>DataProtectionKeys</c>, but a key stored in the clear (before
/// the ring was encrypted, or by a node of an older version) is deleted when the ring is read, and never used: neither
/// the database nor a later backup keeps a key that works, and a new, encrypted key takes its place. What such keys
/// protected stops working: everyone signed in with them signs in again, and links in mail made with them (confirm
/// address, new password, notification settings) must be asked for again. Data Protection reads the ring at start-up,
/// before the node serves anything, so this happens once, at the first start with a certificate.
/// </summary>
internal sealed class EncryptedKeyRepository(IServiceProvider services, IXmlRepository inner, ILogger<EncryptedKeyRepository> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        var rows = db.DataProtectionKeys.AsNoTracking().Select(k => new { k.Id, k.Xml }).ToList();
        var plain = rows.Where(r => KeyRingEncryption.IsUnencrypted(r.Xml)).Select(r => r.Id).ToList();
        if (plain.Count > 0)
        {
            var removed = db.DataProtectionKeys.Where(k => plain.Contains(k.Id)).ExecuteDelete();
            logger.LogWarning(
                "Removed {Count} Data Protection keys that were stored unencrypted: everyone signed in with them signs in again, and links mailed before stop working",
                removed);
        }
        return rows.Where(r => !plain.Contains(r.Id) && !string.IsNullOrEmpty(r.Xml)).Select(r => XElement.Parse(r.Xml!)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName) => inner.StoreElement(element, friendlyName);
}
