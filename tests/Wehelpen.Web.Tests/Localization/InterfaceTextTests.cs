using System.Text.RegularExpressions;
using System.Xml.Linq;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Logbook;
using Wehelpen.Web.Features.Notes;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Platform.Audit;

namespace Wehelpen.Web.Tests.Localization;

/// <summary>Every text the interface asks for exists in Dutch and in English: a missing one would show its key.</summary>
public sealed class InterfaceTextTests
{
    private static readonly string Source = Path.Combine(RepositoryRoot(), "src", "Wehelpen.Web");

    [Fact]
    public void Dutch_and_English_have_the_same_keys_and_no_empty_texts()
    {
        var dutch = Texts("nl");
        var english = Texts("en");

        Assert.Empty(dutch.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(dutch.Keys));
        Assert.All(dutch.Concat(english), t => Assert.False(string.IsNullOrWhiteSpace(t.Value), $"{t.Key} is empty"));
    }

    [Fact]
    public void Every_key_used_in_the_code_and_pages_exists()
    {
        var known = Texts("nl").Keys.ToHashSet();
        var files = Directory.EnumerateFiles(Source, "*.cs*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        // Any string literal that starts like one of the resource groups ("Login.", "Validation.", ...) is a key.
        var groups = string.Join("|", known.Select(k => Regex.Escape(k[..k.IndexOf('.')])).Distinct());
        var keyUse = new Regex($"\"(?<key>(?:{groups})\\.[A-Za-z][A-Za-z.]*)\"");
        var used = files.SelectMany(f => keyUse.Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value))).ToList();
        Assert.True(used.Count > 100, "the scan must actually find the keys");

        // Keys built at run time from a value: every value they can take.
        var built = Roles.All.SelectMany(r => new[] { $"Role.{r}", $"Role.{r}.Choice" })
            .Concat(HelpCategory.Each.Select(c => $"Category.{c}"))
            .Concat(WeeklyAvailability.Week.Select(d => $"Day.{d}"))
            .Concat(WeeklyAvailability.Parts.Select(p => $"DayPart.{p}"))
            .Concat(Enum.GetValues<CircleRole>().Select(r => $"CircleRole.{r}"))
            .Concat(Enum.GetValues<CircleTab>().Select(t => $"CircleTab.{t}"))
            .Concat(Enum.GetValues<MembershipChange>().Select(c => $"MembershipChange.{c}"))
            .Concat(Enum.GetValues<Wellbeing>().Select(w => $"Wellbeing.{w}"))
            .Concat(new[] { CircleRole.Member, CircleRole.Coordinator }.Select(r => $"Members.MakeRole.{r}"))
            .Concat(Enum.GetValues<RequestStatus>().Select(s => $"RequestStatus.{s}"))
            .Concat(Enum.GetValues<RequestAudience>().SelectMany(a => new[] { $"Request.Audience.{a}", $"RequestAudience.{a}", $"CircleRequests.AudienceHint.{a}", $"CircleRequests.WidensAt.{a}" }))
            .Concat(Enum.GetValues<RequestChange>().Select(c => $"CircleRequests.History.{c}"))
            .Concat(new[] { RequestAudience.Person, RequestAudience.Circle }.Select(a => $"CircleRequests.Widen.{a}"))
            .Concat(Enum.GetValues<NearbySort>().Select(s => $"Help.Sort.{s}"))
            .Concat(NoteStarters.Kinds.SelectMany(k => new[] { $"NoteStarter.{k}.Title", $"NoteStarter.{k}.Text" }))
            .Concat(AuditActions.All.Select(a => $"Audit.Action.{a}"))
            .Concat(AuditTargets.All.Select(t => $"Audit.Target.{t}"));

        Assert.All(used, u => Assert.True(known.Contains(u.Key), $"{u.File} uses '{u.Key}', which is not in the resources"));
        Assert.All(built, key => Assert.True(known.Contains(key), $"'{key}' is not in the resources"));
    }

    internal static Dictionary<string, string> Texts(string language) =>
        XDocument.Load(Path.Combine(Source, "Resources", $"SharedResource.{language}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Wehelpen.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Wehelpen.sln not found above " + AppContext.BaseDirectory);
    }
}
