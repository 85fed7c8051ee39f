using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>A professional's work details and gebieden, and the klanthouder invitations a person took part in.</summary>
internal sealed class BuurtteamPersonalData(WehelpenDbContext db) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns =>
    [
        new("ProfessionalAreas", "UserId"),
        new("ProfessionalAreas", "ApprovedById"),
        new("ProfessionalProfiles", "UserId"),
        new("CaseHolderInvitations", "ProfessionalId"),
        new("CaseHolderInvitations", "InvitedById"),
        new("CaseHolderInvitations", "EndedById"),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("professional", _ => db.Set<ProfessionalProfile>().AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.Organisation, p.WorkPhone, p.UpdatedAt }).AsAsyncEnumerable()),
        new("professional-areas", _ => db.Set<ProfessionalArea>().AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.AreaCode)
            .Select(a => new { a.AreaCode, a.RequestedAt, a.ApprovedAt }).AsAsyncEnumerable()),
        new("klanthouder", _ => db.Set<CaseHolderInvitation>().AsNoTracking()
            .Where(i => i.ProfessionalId == userId || i.InvitedById == userId || i.EndedById == userId).OrderBy(i => i.InvitedAt)
            .Select(i => new
            {
                i.CircleId, YouAreTheProfessional = i.ProfessionalId == userId, YouInvited = i.InvitedById == userId, i.Message,
                i.InvitedAt, i.AcceptedAt, i.DeclinedAt, i.EndedAt, YouEnded = i.EndedById == userId,
            })
            .AsAsyncEnumerable()),
    ];

    /// <summary>
    /// Their work details and gebieden go. A klanthouderschap they hold ends now (their membership of the circle goes
    /// with their other memberships); the circle keeps the record of who asked and when, with a former member in it.
    /// </summary>
    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var id = erasure.UserId;
        await db.Set<ProfessionalArea>().Where(a => a.UserId == id).ExecuteDeleteAsync(ct);
        await db.Set<ProfessionalArea>().Where(a => a.ApprovedById == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ApprovedById, (string?)null), ct);
        await db.Set<ProfessionalProfile>().Where(p => p.UserId == id).ExecuteDeleteAsync(ct);

        var invitations = db.Set<CaseHolderInvitation>();
        await invitations.Where(i => i.ProfessionalId == id && i.AcceptedAt != null && i.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.EndedAt, erasure.Now).SetProperty(i => i.EndedById, FormerMember.Id), ct);
        await invitations.Where(i => i.ProfessionalId == id && i.AcceptedAt == null && i.DeclinedAt == null && i.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.DeclinedAt, erasure.Now), ct);
        await invitations.Where(i => i.ProfessionalId == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ProfessionalId, FormerMember.Id), ct);
        await invitations.Where(i => i.InvitedById == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.InvitedById, FormerMember.Id), ct);
        await invitations.Where(i => i.EndedById == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.EndedById, FormerMember.Id), ct);
    }

    public Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct) =>
        db.Set<CaseHolderInvitation>().Where(i => i.CircleId == erasure.CircleId).ExecuteDeleteAsync(ct);
}
