using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Privacy;

public sealed record EraseAccountRequest(string? Password);

/// <summary>
/// The right to be forgotten: a person's account and everything about them, erased at once and completely, in one
/// transaction. Every feature does its own part (<see cref="IPersonalData"/>), in order; after the commit the parts'
/// follow-ups run (live notices, mail files), and on SQLite the write-ahead log is emptied, so that the erased data is
/// not left in the database files either.
/// </summary>
public sealed class AccountErasure(
    WehelpenDbContext db,
    UserManager<ApplicationUser> users,
    IEnumerable<IPersonalData> parts,
    DatabaseFiles files,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<AccountErasure> logger)
{
    /// <summary>The person's own request, confirmed with their password. An account that is already gone is done.</summary>
    public async Task<Outcome<Done>> EraseOwnAsync(string userId, EraseAccountRequest request, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || FormerMember.Is(user.Id)) return Done.Instance;
        if (string.IsNullOrEmpty(request.Password)) return new FieldErrors().Add("password", text["Erase.PasswordRequired"]);
        if (!await users.CheckPasswordAsync(user, request.Password)) return new FieldErrors().Add("password", text["Erase.PasswordWrong"]);
        await EraseAsync(userId, ErasureCause.OwnRequest, ct);
        return Done.Instance;
    }

    /// <summary>Erases the account; false when there was none (any more).</summary>
    public async Task<bool> EraseAsync(string userId, ErasureCause cause, CancellationToken ct)
    {
        if (FormerMember.Is(userId)) return false;
        PersonErasure erasure;
        var steps = parts.OrderBy(p => p.Order).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Two erasures at once (a double click) find the account once: SQLite's write transaction already takes
            // turns; on PostgreSQL the second waits for the first's row lock, and then finds nothing.
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlInterpolatedAsync($"""SELECT 1 FROM "AspNetUsers" WHERE "Id" = {userId} FOR UPDATE""", ct);
            var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(ct);
            if (person is null) return false;
            erasure = new PersonErasure(userId, person.DisplayName, person.Email, clock.GetUtcNow(), cause);
            foreach (var step in steps)
            {
                await step.EraseAsync(erasure, ct);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(ct);
        }
        logger.LogInformation("Erased account {UserId} ({Cause}) with {Steps} steps; {Circles} circles changed",
            userId, cause, steps.Count, erasure.ChangedCircles.Count);

        foreach (var action in erasure.AfterCommitActions)
        {
            try { await action(CancellationToken.None); }
            catch (Exception e) { logger.LogError(e, "A follow-up of erasing account {UserId} failed; the erasure itself is complete", userId); }
        }
        await files.ForgetDeletedAsync(CancellationToken.None);
        return true;
    }
}
