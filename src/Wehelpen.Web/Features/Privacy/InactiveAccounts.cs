using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Privacy;

/// <summary>
/// Accounts nobody signs in to: who is due for the warning, and who for erasure. A retention rule of Privacy, which
/// erases accounts with everything that belongs to them; the mail it sends is Accounts' (<see cref="AccountEmails"/>).
/// </summary>
internal static class InactiveAccounts
{
    /// <summary>Both periods, or null when either is off: no warning without the erasure it announces, and the reverse.</summary>
    public static (DateTimeOffset Inactive, DateTimeOffset Warned)? Cutoffs(DateTimeOffset now, RetentionOptions options) =>
        RetentionPeriod.Cutoff(now, options.InactiveAccountDays) is { } inactive
        && RetentionPeriod.Cutoff(now, options.InactiveAccountWarningDays) is { } warned
            ? (inactive, warned) : null;

    /// <summary>Not signed in since <paramref name="cutoff"/> (or, never signed in, made before it), and not warned yet. Unconfirmed accounts too.</summary>
    public static IQueryable<ApplicationUser> DueForWarning(this IQueryable<ApplicationUser> users, DateTimeOffset cutoff) => users.Where(u =>
        u.Id != FormerMember.Id && u.InactivityWarnedAt == null
        && ((u.LastSignInAt != null && u.LastSignInAt < cutoff) || (u.LastSignInAt == null && u.CreatedAt < cutoff)));

    /// <summary>Warned before <paramref name="cutoff"/>, and not signed in since.</summary>
    public static IQueryable<ApplicationUser> DueForErasure(this IQueryable<ApplicationUser> users, DateTimeOffset cutoff) => users.Where(u =>
        u.Id != FormerMember.Id && u.InactivityWarnedAt != null && u.InactivityWarnedAt < cutoff
        && (u.LastSignInAt == null || u.LastSignInAt < u.InactivityWarnedAt));
}

/// <summary>
/// An account nobody signed in to for <see cref="RetentionOptions.InactiveAccountDays"/> gets a mail in its own
/// language: sign in before the date, or the account goes with everything that belongs to it. The mail goes first and
/// the warning is recorded after, so that nobody is erased without one; a mail that fails is tried again the next night.
/// </summary>
internal sealed class InactiveAccountWarnings(
    WehelpenDbContext db, AccountEmails emails, IOptions<RetentionOptions> options, ILogger<InactiveAccountWarnings> logger) : IRetentionRule
{
    private const int BatchSize = 100;

    public string Name => "inactive-account-warnings";

    public async Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (InactiveAccounts.Cutoffs(now, options.Value) is not { } cutoffs) return 0;
        var deadline = now.AddDays(options.Value.InactiveAccountWarningDays);
        var warned = 0;
        var after = "";
        while (true)
        {
            // Keyset by id: someone whose mail failed stays due, and must not be met again in this run.
            var batch = await db.Users.AsNoTracking().DueForWarning(cutoffs.Inactive)
                .Where(u => string.Compare(u.Id, after) > 0).OrderBy(u => u.Id).Take(BatchSize).ToListAsync(ct);
            foreach (var user in batch)
            {
                try
                {
                    if (!string.IsNullOrEmpty(user.Email)) await emails.SendInactivityWarningAsync(user, deadline, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    logger.LogWarning(e, "The inactivity mail to account {UserId} failed; the next run tries again", user.Id);
                    continue;
                }
                // Only if nothing changed meanwhile: a sign-in in between keeps the account out of it.
                warned += await db.Users.Where(u => u.Id == user.Id && u.InactivityWarnedAt == null && u.LastSignInAt == user.LastSignInAt)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.InactivityWarnedAt, now), ct);
                logger.LogInformation("Account {UserId} warned that it will be erased for inactivity", user.Id);
            }
            if (batch.Count < BatchSize) return warned;
            after = batch[^1].Id;
        }
    }
}

/// <summary>
/// A warned account whose warning is <see cref="RetentionOptions.InactiveAccountWarningDays"/> old, without a sign-in
/// since, is erased as its owner could have done (<see cref="AccountErasure"/>), each in an erasure of its own. One that
/// fails does not hold up the others; the rule then fails, so the run shows it, and the next run tries again.
/// </summary>
internal sealed class InactiveAccountErasure(
    WehelpenDbContext db, AccountErasure erasure, IOptions<RetentionOptions> options, ILogger<InactiveAccountErasure> logger) : IRetentionRule
{
    public string Name => "inactive-accounts";

    public async Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (InactiveAccounts.Cutoffs(now, options.Value) is not { } cutoffs) return 0;
        var due = await db.Users.AsNoTracking().DueForErasure(cutoffs.Warned).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        var (erased, failed) = (0, 0);
        foreach (var id in due)
        {
            // Asked again just before: erasures take a while, and someone may have signed in since the list was made.
            if (!await db.Users.AsNoTracking().DueForErasure(cutoffs.Warned).AnyAsync(u => u.Id == id, ct)) continue;
            try
            {
                if (await erasure.EraseAsync(id, ErasureCause.Inactive, ct)) erased++;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                failed++;
                logger.LogError(e, "Erasing inactive account {UserId} failed; the next run tries again", id);
            }
        }
        if (failed > 0) throw new InvalidOperationException($"{failed} inactive accounts could not be erased ({erased} were).");
        return erased;
    }
}
