using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Wehelpen.E2E;

/// <summary>
/// axe-core on the page as it is shown now. Only what axe calls serious or critical fails a test: those keep someone
/// from using the page (no name on a button, text too faint to read); the rest is looked at by people, not gated here.
/// </summary>
public static class AxeCheck
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <param name="because">Where the page was, for the message (the width, the state it was in).</param>
    public static async Task NoSeriousIssuesAsync(IPage page, string because = "")
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        if (blocking.Count == 0) return;
        Assert.Fail(Describe(page.Url, because, blocking));
    }

    /// <summary>One block per rule: what it is, how bad, where, and what axe says to read about it.</summary>
    private static string Describe(string url, string because, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder($"axe found serious or critical issues on {url} {because}".TrimEnd()).AppendLine(":");
        foreach (var violation in violations)
        {
            text.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>");
            foreach (var node in violation.Nodes)
            {
                // What axe checked and found wrong there ("Element has insufficient color contrast of 3.2 ...").
                var found = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Distinct();
                text.AppendLine($"    at {node.Target}: {string.Join(" / ", found)}");
            }
        }
        return text.ToString();
    }
}
