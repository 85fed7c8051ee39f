using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Circles.Consent;

/// <summary>
/// What withdrawing one kind of consent ends. The feature that asks for that consent registers it, so that the
/// circles do not need to know the features that build on them.
/// </summary>
public interface IConsentWithdrawal
{
    ConsentKind Kind { get; }

    /// <summary>
    /// Puts what the withdrawal ends into the caller's unit of work (saved together with the withdrawal, or not at all);
    /// returns what to do once it is saved (live notices).
    /// </summary>
    Task<Func<Task>> StageAsync(ConsentRecord withdrawn, CancellationToken ct);
}

/// <summary>The hoofdpersoon or a coördinator withdraws a consent: it ends what it allowed, in the same save.</summary>
public sealed class ConsentWithdrawals(
    WehelpenDbContext db, IEnumerable<IConsentWithdrawal> effects, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<ConsentWithdrawals> logger)
{
    public async Task<Outcome<Done>> WithdrawAsync(CircleMembership me, Guid consentId, CancellationToken ct)
    {
        if (!me.CanManage) return Refusal.Forbidden(text["Consent.OnlyManagers"]);
        for (var attempt = 1; ; attempt++)
        {
            var consent = await db.Set<ConsentRecord>().SingleOrDefaultAsync(c => c.Id == consentId && c.CircleId == me.CircleId, ct);
            if (consent is null) return Refusal.NotFound(text["Consent.NotFound"]);
            if (consent.IsWithdrawn) return Done.Instance;

            (consent.WithdrawnAt, consent.WithdrawnById) = (clock.GetUtcNow(), me.UserId);
            var followUps = new List<Func<Task>>();
            foreach (var effect in effects.Where(e => e.Kind == consent.Kind))
                followUps.Add(await effect.StageAsync(consent, ct));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                // Withdrawn by another manager, or what it allowed ended, a moment ago: look again.
                db.ChangeTracker.Clear();
                continue;
            }
            logger.LogInformation("Consent {ConsentId} ({Kind}) of circle {CircleId} withdrawn by {UserId}", consent.Id, consent.Kind, me.CircleId, me.UserId);
            foreach (var followUp in followUps) await followUp();
            return Done.Instance;
        }
    }
}
