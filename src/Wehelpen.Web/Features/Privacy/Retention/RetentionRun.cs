using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Privacy.Retention;

/// <summary>What one rule did in a run: how many items it removed, or null when it failed.</summary>
public sealed record RetentionRuleResult(string Name, int? Removed)
{
    public bool Failed => Removed is null;
}

public sealed record RetentionReport(DateTimeOffset Now, IReadOnlyList<RetentionRuleResult> Rules)
{
    public IReadOnlyList<string> Failed => Rules.Where(r => r.Failed).Select(r => r.Name).ToList();

    /// <summary>The count of the rule with this name (0 when it removed nothing; an exception when it failed or does not exist).</summary>
    public int this[string name] => Rules.Single(r => r.Name == name).Removed ?? throw new InvalidOperationException($"Retention rule {name} failed.");

    /// <summary>One line for the job's history: names and counts, never what was removed.</summary>
    public string Summary => string.Join(", ", Rules.Select(r => $"{r.Name}: {(r.Removed is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "failed")}"));
}

/// <summary>
/// The retention periods of the register, applied: every registered <see cref="IRetentionRule"/>, each in a scope of its
/// own (its own DbContext; a rule decides its own transactions, in batches), all with the same moment. A rule that
/// fails is logged and the others still run. Afterwards SQLite's write-ahead log is emptied, so that what was removed
/// leaves the database files too. Logs carry the rules' names and counts, never what they removed.
/// </summary>
public sealed class RetentionRun(
    IEnumerable<RetentionRuleType> rules, IServiceScopeFactory scopes, DatabaseFiles files, TimeProvider clock, ILogger<RetentionRun> logger)
{
    public async Task<RetentionReport> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var results = new List<RetentionRuleResult>();
        foreach (var type in rules.Select(r => r.Type).Distinct())
        {
            ct.ThrowIfCancellationRequested();
            await using var scope = scopes.CreateAsyncScope();
            var rule = (IRetentionRule)scope.ServiceProvider.GetRequiredService(type);
            try
            {
                var removed = await rule.ApplyAsync(now, ct);
                logger.LogInformation("Retention {Rule}: {Count} removed", rule.Name, removed);
                results.Add(new RetentionRuleResult(rule.Name, removed));
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogError(e, "Retention {Rule} failed; the other rules still run", rule.Name);
                results.Add(new RetentionRuleResult(rule.Name, null));
            }
        }
        await files.ForgetDeletedAsync(ct);
        var report = new RetentionReport(now, results);
        logger.LogInformation("Retention run: {Rules} rules, {Removed} items removed, {Failed} failed",
            results.Count, results.Sum(r => r.Removed ?? 0), report.Failed.Count);
        return report;
    }
}
