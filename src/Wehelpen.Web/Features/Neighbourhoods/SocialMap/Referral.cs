using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>
/// A buurtteam professional (or an admin) referred an escalated request to an organisation of the social map. The
/// request stays open: a volunteer may still take it. The organisation's and the referrer's names are copied in, so
/// the history still reads "doorverwezen naar Doras" after an admin deleted or renamed the organisation (the link
/// then becomes null) or the professional left.
/// </summary>
public sealed class Referral
{
    public const int NoteMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public Guid? OrganisationId { get; set; }
    public string OrganisationName { get; set; } = "";
    public string? ReferredById { get; set; }
    public string ReferredByName { get; set; } = "";
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public Organisation? Organisation { get; set; }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> referral)
    {
        referral.ToTable("Referrals");
        referral.HasOne<HelpRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        referral.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        referral.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ReferredById).OnDelete(DeleteBehavior.SetNull);
        referral.Property(r => r.OrganisationName).HasMaxLength(Organisation.NameMaxLength);
        referral.Property(r => r.ReferredByName).HasMaxLength(80);
        referral.Property(r => r.Note).HasMaxLength(Referral.NoteMaxLength);
        // The request's page and the buurtteam's list: a request's referrals, latest first.
        referral.HasIndex(r => new { r.RequestId, r.CreatedAt });
        referral.HasIndex(r => r.OrganisationId);
    }
}
