using Wehelpen.Web.Platform.Cluster;

namespace Wehelpen.Web.Tests;

/// <summary>
/// The certificate every app of this test run encrypts its Data Protection key ring with (outside Development the app
/// will not start without one): made once per run, in a folder of its own, removed when the run ends.
/// </summary>
public static class TestCertificate
{
    public const string Password = "wehelpen-test-run";

    private static readonly Lazy<string> Made = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("wehelpen-dp-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
        return KeyRingEncryption.EnsureCertificate(System.IO.Path.Combine(folder, "dataprotection.pfx"), Password);
    });

    public static string Path => Made.Value;
}
