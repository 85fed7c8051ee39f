using System.Text.RegularExpressions;
using Wehelpen.Web.Tests.Localization;

namespace Wehelpen.Web.Tests.Architecture;

/// <summary>
/// Dependencies between modules go one way (docs/architecture.md). A module is a folder under Features/ or Platform/,
/// or another top-level folder of src/Wehelpen.Web; a module uses another when one of its .cs or .cshtml files has a
/// <c>using Wehelpen.Web.&lt;other&gt;</c> or names a type of it fully qualified. Two modules that use each other are a
/// cycle. The few that remain are listed here with the reason; a new one fails this test.
/// </summary>
public sealed partial class ModuleDependencyTests
{
    /// <summary>The cycles we keep, each with why (docs/architecture.md, "Cycles that remain").</summary>
    private static readonly Dictionary<string, string> AllowedCycles = new()
    {
    };

    private static readonly string WebRoot = Path.Combine(InterfaceTextTests.RepositoryRoot(), "src", "Wehelpen.Web");

    [Fact]
    public void No_two_modules_use_each_other_beyond_the_listed_ones()
    {
        var cycles = Cycles(Uses());

        var unexpected = cycles.Where(c => !AllowedCycles.ContainsKey(c.Key)).Select(c => c.Value).ToList();
        Assert.True(unexpected.Count == 0,
            "These modules use each other; one of them owns the wrong thing (docs/architecture.md says how to invert):\n"
            + string.Join("\n", unexpected));
        var stale = AllowedCycles.Keys.Where(k => !cycles.ContainsKey(k)).ToList();
        Assert.True(stale.Count == 0, "Listed as allowed but gone (take them off the list): " + string.Join(", ", stale));
        Assert.True(AllowedCycles.Count <= 3, "At most three cycles may remain.");
    }

    [Fact]
    public void Data_and_the_platform_use_no_feature()
    {
        var uses = Uses();
        var wrong = uses
            .Where(u => u.Key == "Data" || u.Key.StartsWith("Platform/", StringComparison.Ordinal))
            .SelectMany(u => u.Value.Where(target => target.Key.StartsWith("Features/", StringComparison.Ordinal) || target.Key == "Demo")
                .Select(target => $"{u.Key} -> {target.Key}: {string.Join(", ", target.Value.Take(3))}"))
            .ToList();
        Assert.True(wrong.Count == 0, "The layers below the features use a feature:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_scan_sees_a_cycle_when_there_is_one()
    {
        // Guards the scan itself: the features use Data, so a Data -> feature use would be a cycle.
        var uses = Uses();
        Assert.Contains("Data", uses["Features/Circles"].Keys);
        uses["Data"] = new() { ["Features/Circles"] = ["Data/Example.cs"] };
        Assert.Contains("Data <-> Features/Circles", Cycles(uses).Keys);
    }

    /// <summary>For each module, the modules it uses and the files that do.</summary>
    private static Dictionary<string, Dictionary<string, List<string>>> Uses()
    {
        var uses = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(WebRoot, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal)
                && !f.StartsWith("node_modules/", StringComparison.Ordinal) && !f.StartsWith("wwwroot/", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var from = ModuleOfPath(file);
            var text = File.ReadAllText(Path.Combine(WebRoot, file));
            var namespaces = UsingLine().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(QualifiedName().Matches(text).Select(m => m.Groups[1].Value));
            foreach (var to in namespaces.Select(ModuleOfNamespace).Distinct().Where(to => to != from))
            {
                var targets = uses.TryGetValue(from, out var t) ? t : uses[from] = new(StringComparer.Ordinal);
                (targets.TryGetValue(to, out var list) ? list : targets[to] = []).Add(file);
            }
        }
        return uses;
    }

    private static Dictionary<string, string> Cycles(Dictionary<string, Dictionary<string, List<string>>> uses)
    {
        var cycles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (a, targets) in uses)
        {
            foreach (var (b, files) in targets)
            {
                if (string.CompareOrdinal(a, b) >= 0 || !uses.TryGetValue(b, out var back) || !back.TryGetValue(a, out var backFiles)) continue;
                cycles[$"{a} <-> {b}"] = $"{a} -> {b} in {string.Join(", ", files.Take(4))}; {b} -> {a} in {string.Join(", ", backFiles.Take(4))}";
            }
        }
        return cycles;
    }

    private static string ModuleOfPath(string file)
    {
        var parts = file.Split('/');
        if (parts.Length == 1) return "(root)";
        if (parts[0] is "Features" or "Platform" && parts.Length > 2) return $"{parts[0]}/{parts[1]}";
        return parts[0];
    }

    private static string ModuleOfNamespace(string ns)
    {
        var parts = ns.Split('.').Skip(2).ToArray(); // after Wehelpen.Web
        if (parts.Length == 0) return "(root)";
        if (parts[0] is "Features" or "Platform" && parts.Length > 1) return $"{parts[0]}/{parts[1]}";
        return parts[0];
    }

    [GeneratedRegex(@"^\s*@?using\s+(?:static\s+)?(Wehelpen\.Web(?:\.[A-Za-z0-9_]+)*)\s*;?\s*$", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"\b(Wehelpen\.Web\.(?:(?:Features|Platform)\.[A-Za-z0-9_]+|(?!(?:Features|Platform)\b)[A-Za-z0-9_]+))\.")]
    private static partial Regex QualifiedName();
}
