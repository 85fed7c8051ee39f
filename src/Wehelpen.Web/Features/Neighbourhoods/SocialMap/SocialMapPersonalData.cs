using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>Referrals a professional made, and which organisations an admin last edited.</summary>
internal sealed class SocialMapPersonalData(WehelpenDbContext db) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns =>
    [
        new("Organisations", "UpdatedById"),
        new("Referrals", "ReferredById"),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("referrals", _ => db.Set<Referral>().AsNoTracking().Where(r => r.ReferredById == userId).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.RequestId, r.OrganisationName, r.Note, r.CreatedAt }).AsAsyncEnumerable()),
        new("organisations-edited", _ => db.Set<Organisation>().AsNoTracking().Where(o => o.UpdatedById == userId)
            .Select(o => new { o.Name, o.UpdatedAt }).AsAsyncEnumerable()),
    ];

    /// <summary>The social map is public information and stays; the circle's record of a referral keeps a former member.</summary>
    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var id = erasure.UserId;
        await db.Set<Organisation>().Where(o => o.UpdatedById == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.UpdatedById, (string?)null), ct);
        await db.Set<Referral>().Where(r => r.ReferredById == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReferredById, FormerMember.Id).SetProperty(r => r.ReferredByName, ""), ct);
    }
}
