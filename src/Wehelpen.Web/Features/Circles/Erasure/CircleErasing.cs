using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.Email;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Localization;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Circles.Erasure;

public sealed record EraseCircleRequest(bool? ResidentConsents);

/// <summary>
/// Erasing a circle with everything in it: by its hoofdpersoon, by a coördinator with the hoofdpersoon's consent, or
/// as part of the hoofdpersoon's account erasure. Every feature erases its part (<see cref="CircleEraser"/>), then the
/// circle's own row goes. The other managers get a mail the moment it is done (not before: a mail cannot be taken back
/// if the erasure then failed, and sending inside the transaction would hold the database's write lock for as long as
/// the mail server takes).
/// </summary>
public sealed class CircleErasing(
    WehelpenDbContext db, CircleEraser eraser, IEmailSender mail, EmailLinks links, LiveNews live, DatabaseFiles files,
    EmailMetrics metrics, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<CircleErasing> logger)
{
    /// <summary>What the erase page says before anyone confirms: who may, and whether the hoofdpersoon must consent.</summary>
    public async Task<CircleErasureTerms> TermsAsync(CircleMembership me, CancellationToken ct)
    {
        var residentHasAccount = await db.Set<CircleMember>().AnyAsync(m => m.CircleId == me.CircleId && m.Role == CircleRole.Resident, ct);
        var counts = await db.Set<CircleMember>().CountAsync(m => m.CircleId == me.CircleId && m.UserId != me.UserId, ct);
        return new CircleErasureTerms(
            MayErase: me.Role == CircleRole.Resident || (me.Role == CircleRole.Coordinator && !residentHasAccount),
            NeedsResidentConsent: me.Role == CircleRole.Coordinator,
            OtherMembers: counts);
    }

    public async Task<Outcome<Done>> EraseAsync(CircleMembership me, EraseCircleRequest request, CancellationToken ct)
    {
        var terms = await TermsAsync(me, ct);
        // A hoofdpersoon with an account decides for themselves: a coördinator cannot consent for them.
        if (!terms.MayErase) return Refusal.Forbidden(text["CircleErase.OnlyResident", me.ResidentName]);
        if (terms.NeedsResidentConsent && request.ResidentConsents != true)
            return new FieldErrors().Add("residentConsents", text["CircleErase.ConsentRequired", me.ResidentName]);

        var erasure = new CircleErasure(me.CircleId, clock.GetUtcNow());
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Two managers at once: the second waits for the first (PostgreSQL's row lock, SQLite's write lock) and
            // then finds the circle gone.
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlInterpolatedAsync($"""SELECT 1 FROM "Circles" WHERE "Id" = {me.CircleId} FOR UPDATE""", ct);
            if (!await db.Set<Circle>().AnyAsync(c => c.Id == me.CircleId, ct)) return Done.Instance;
            await TellManagersAfterwardsAsync(erasure, me.UserId, "Email.CircleErased.ByManager", ct);
            await EraseInTransactionAsync(erasure, ct);
            await transaction.CommitAsync(ct);
        }
        logger.LogInformation("Erased circle {CircleId} at the request of {UserId} ({Role})", me.CircleId, me.UserId, me.Role);
        await FollowUpAsync(erasure);
        await files.ForgetDeletedAsync(CancellationToken.None);
        return Done.Instance;
    }

    /// <summary>Within a person's erasure (they are its hoofdpersoon): what follows runs after that erasure's commit.</summary>
    internal async Task EraseWithAsync(Guid circleId, PersonErasure person, CancellationToken ct)
    {
        var erasure = new CircleErasure(circleId, person.Now);
        await TellManagersAfterwardsAsync(erasure, person.UserId, "Email.CircleErased.ByAccount", ct);
        await EraseInTransactionAsync(erasure, ct);
        person.AfterCommit(_ => FollowUpAsync(erasure));
    }

    private async Task EraseInTransactionAsync(CircleErasure erasure, CancellationToken ct)
    {
        var members = await db.Set<CircleMember>().Where(m => m.CircleId == erasure.CircleId).Select(m => m.UserId).ToListAsync(ct);
        await eraser.EraseAsync(erasure, ct);
        // Members, history, invitations and settings go with the row (foreign keys cascade); so does what a feature left.
        await db.Set<Circle>().Where(c => c.Id == erasure.CircleId).ExecuteDeleteAsync(ct);
        foreach (var member in members) erasure.AfterCommit(_ => live.MembershipChangedAsync(erasure.CircleId, member));
    }

    private async Task FollowUpAsync(CircleErasure erasure)
    {
        foreach (var action in erasure.AfterCommitActions)
        {
            try { await action(CancellationToken.None); }
            catch (Exception e) { logger.LogError(e, "A follow-up of erasing circle {CircleId} failed; the erasure itself is complete", erasure.CircleId); }
        }
    }

    /// <summary>
    /// Mailed rather than kept as notifications: a notification would keep the circle's name in the database after the
    /// circle is gone. Written now, while the circle is there to read; sent after the commit. A mail server that is down
    /// does not undo the erasure.
    /// </summary>
    private async Task TellManagersAfterwardsAsync(CircleErasure erasure, string exceptUserId, string bodyKey, CancellationToken ct)
    {
        var circleId = erasure.CircleId;
        var circle = await db.Set<Circle>().AsNoTracking().Where(c => c.Id == circleId).Select(c => c.Name).SingleAsync(ct);
        var managers = await db.Set<CircleMember>().AsNoTracking()
            .Where(m => m.CircleId == circleId && m.UserId != exceptUserId && (m.Role == CircleRole.Coordinator || m.Role == CircleRole.Resident))
            .Select(m => m.User!).Where(u => u.Email != null).ToListAsync(ct);
        var messages = managers.Select(m => (m.Id, Message: Message(m, circle, bodyKey))).ToList();
        erasure.AfterCommit(async _ =>
        {
            var failed = 0;
            foreach (var (managerId, message) in messages)
            {
                try
                {
                    await mail.SendAsync(message);
                    metrics.Sent(EmailMetrics.CircleErased);
                }
                catch (Exception e)
                {
                    failed++;
                    metrics.Failed(EmailMetrics.CircleErased);
                    logger.LogWarning(e, "Could not mail manager {UserId} that circle {CircleId} was erased", managerId, circleId);
                }
            }
            logger.LogInformation("Told {Count} managers that circle {CircleId} was erased ({Failed} failed)", messages.Count - failed, circleId, failed);
        });
    }

    private EmailMessage Message(ApplicationUser manager, string circle, string bodyKey) =>
        LocalizationExtensions.InLanguage(manager.PreferredLanguage, () =>
        {
            var subject = text["Email.CircleErased.Subject", circle].Value;
            var greeting = text["Email.Greeting", manager.DisplayName].Value;
            var body = text[bodyKey, circle].Value;
            var footer = text["Email.Footer"].Value;
            var home = links.To("/circles");
            var plain = $"{greeting}\n\n{body}\n\n{home}\n\n{footer}\n";
            var html = $"""
                <p>{WebUtility.HtmlEncode(greeting)}</p>
                <p>{WebUtility.HtmlEncode(body)}</p>
                <p><a href="{WebUtility.HtmlEncode(home)}">{WebUtility.HtmlEncode(text["Email.CircleErased.Button"].Value)}</a></p>
                <p style="color:#555">{WebUtility.HtmlEncode(footer)}</p>
                """;
            return new EmailMessage(manager.Email!, subject, plain, html);
        });
}

/// <param name="MayErase">The hoofdpersoon, or a coördinator of a circle whose hoofdpersoon has no account.</param>
/// <param name="NeedsResidentConsent">A coördinator confirms that the hoofdpersoon agrees.</param>
public sealed record CircleErasureTerms(bool MayErase, bool NeedsResidentConsent, int OtherMembers);
