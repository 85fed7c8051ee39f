using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>
/// A circle's invitation to a professional to be its klanthouder, and what became of it. The row stays as the record
/// of consent: who in the circle asked, when the professional accepted, and who ended it when. While it is in force
/// the professional is a member of the circle with the role <see cref="CircleRole.CaseHolder"/>.
/// </summary>
public sealed class CaseHolderInvitation
{
    public const int MessageMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CircleId { get; set; }
    public string ProfessionalId { get; set; } = "";
    public string InvitedById { get; set; } = "";
    public string? Message { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? DeclinedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedById { get; set; }

    public Circle? Circle { get; set; }
    public ApplicationUser? Professional { get; set; }
    public ApplicationUser? InvitedBy { get; set; }

    public bool IsPending => AcceptedAt is null && DeclinedAt is null && EndedAt is null;
    public bool IsInForce => AcceptedAt is not null && EndedAt is null;
}

internal sealed class CaseHolderInvitationConfiguration : IEntityTypeConfiguration<CaseHolderInvitation>
{
    public void Configure(EntityTypeBuilder<CaseHolderInvitation> invitation)
    {
        invitation.ToTable("CaseHolderInvitations");
        invitation.HasOne(i => i.Circle).WithMany().HasForeignKey(i => i.CircleId).OnDelete(DeleteBehavior.Cascade);
        invitation.HasOne(i => i.Professional).WithMany().HasForeignKey(i => i.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
        invitation.HasOne(i => i.InvitedBy).WithMany().HasForeignKey(i => i.InvitedById).OnDelete(DeleteBehavior.Restrict);
        invitation.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.EndedById).OnDelete(DeleteBehavior.SetNull);
        invitation.Property(i => i.Message).HasMaxLength(CaseHolderInvitation.MessageMaxLength);
        invitation.HasIndex(i => new { i.CircleId, i.InvitedAt });
        // "Invitations waiting for me" on the professional's page.
        invitation.HasIndex(i => new { i.ProfessionalId, i.AcceptedAt });
    }
}
