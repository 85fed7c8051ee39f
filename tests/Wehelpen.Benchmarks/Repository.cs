namespace Wehelpen.Benchmarks;

/// <summary>Files of this clone that the benchmarks read or run: the postcode table, deploy/cluster.sh.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Wehelpen.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Wehelpen.sln above {AppContext.BaseDirectory}.");
    }
}
