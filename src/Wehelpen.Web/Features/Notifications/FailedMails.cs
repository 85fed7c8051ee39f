using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Audit;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>A notification whose mail stayed Failed after every attempt. The address is shown to administrators only.</summary>
/// <param name="Title">What the notification says, in the reader's (the admin's) language.</param>
public sealed record FailedMail(Guid Id, string Email, string Name, string Kind, string Title, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? LastTriedAt);

/// <summary>The mail outbox's failures, for the admin jobs page: listed, and put back in the outbox one by one.</summary>
public sealed class FailedMails(WehelpenDbContext db, NotificationTexts texts, NotificationMailer mailer, AuditTrail audit)
{
    public const int Shown = 100;

    public async Task<IReadOnlyList<FailedMail>> ListAsync(CancellationToken ct)
    {
        var failed = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.Email == NotificationEmail.Failed)
            .OrderByDescending(n => n.EmailAt).Take(Shown)
            .Select(n => new { n.Id, n.User!.Email, n.User.DisplayName, n.Kind, n.Data, n.EmailAttempts, n.CreatedAt, n.EmailAt })
            .ToListAsync(ct);
        return failed.Select(n => new FailedMail(n.Id, n.Email ?? "", n.DisplayName, n.Kind.ToString(), texts.Render(n.Kind, n.Data).Title,
            n.EmailAttempts, n.CreatedAt.ToAmsterdam(), n.EmailAt?.ToAmsterdam())).ToList();
    }

    /// <summary>
    /// Back to Pending with its attempts reset; the outbox job sends it within half a minute. The audit entry (about
    /// the person the mail is for) is written in the same transaction; false, and nothing written, when it was not failed.
    /// </summary>
    public async Task<bool> RetryAsync(string adminId, Guid id, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var recipient = await db.Set<Notification>().Where(n => n.Id == id && n.Email == NotificationEmail.Failed).Select(n => n.UserId).SingleOrDefaultAsync(ct);
        if (recipient is null || !await mailer.RetryAsync(id, ct)) return false;
        audit.Record(adminId, AuditActions.MailRetry, AuditTargets.Notification, id.ToString(), subjectId: recipient);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
