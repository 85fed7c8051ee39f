using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>The account itself: who the person is to Wehelpen, their roles, and what Identity keeps for signing in.</summary>
internal sealed class AccountPersonalData(WehelpenDbContext db) : IPersonalData
{
    private const string Secrets = "sign-in secrets (security stamps, one-time codes), not information about the person";

    public int Order => ErasureOrder.Account;

    public IEnumerable<PersonalColumn> Columns =>
    [
        new("AspNetUsers", "Id"),
        new("AspNetUserRoles", "UserId"),
        new("AspNetUserClaims", "UserId", Secrets),
        new("AspNetUserLogins", "UserId", Secrets),
        new("AspNetUserTokens", "UserId", Secrets),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("account", ct => db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id, u.Email, u.EmailConfirmed, u.DisplayName, u.Postcode, u.Pc4, u.Latitude, u.Longitude,
                u.PreferredLanguage, u.CreatedAt, u.TwoFactorEnabled, u.LastSignInAt, u.InactivityWarnedAt,
                u.PrivacyStatementVersion, u.PrivacyStatementAcceptedAt,
            })
            .AsAsyncEnumerable()),
        new("roles", ct => (from ur in db.Set<IdentityUserRole<string>>().AsNoTracking()
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ur.UserId == userId
                            orderby r.Name
                            select new { Role = r.Name }).AsAsyncEnumerable()),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var id = erasure.UserId;
        await db.Set<IdentityUserToken<string>>().Where(t => t.UserId == id).ExecuteDeleteAsync(ct);
        await db.Set<IdentityUserLogin<string>>().Where(l => l.UserId == id).ExecuteDeleteAsync(ct);
        await db.Set<IdentityUserClaim<string>>().Where(c => c.UserId == id).ExecuteDeleteAsync(ct);
        await db.Set<IdentityUserRole<string>>().Where(r => r.UserId == id).ExecuteDeleteAsync(ct);
        // Removed as an entity, not in bulk: the features that follow saves (matching) see the person go.
        if (await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct) is { } user) db.Users.Remove(user);
    }
}
