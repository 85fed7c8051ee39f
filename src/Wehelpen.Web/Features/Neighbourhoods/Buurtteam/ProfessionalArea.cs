using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>
/// A professional's place in the buurtteam of one gebied: asked for by the professional, and in force only once an
/// admin approved it. Until then they see nothing of the area's requests or figures.
/// </summary>
public sealed class ProfessionalArea
{
    public string UserId { get; set; } = "";

    /// <summary>An <see cref="Neighbourhoods.Area.Code"/>.</summary>
    public string AreaCode { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedById { get; set; }

    public ApplicationUser? User { get; set; }

    public bool IsApproved => ApprovedAt is not null;
}

/// <summary>Who a professional works for and how circles reach them at work: shown to the circles they serve.</summary>
public sealed class ProfessionalProfile
{
    public const int OrganisationMaxLength = 120;
    public const int PhoneMaxLength = 30;

    public string UserId { get; set; } = "";
    public string Organisation { get; set; } = "";
    public string? WorkPhone { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ProfessionalAreaConfiguration : IEntityTypeConfiguration<ProfessionalArea>
{
    public void Configure(EntityTypeBuilder<ProfessionalArea> area)
    {
        area.ToTable("ProfessionalAreas");
        area.HasKey(a => new { a.UserId, a.AreaCode });
        area.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        area.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.ApprovedById).OnDelete(DeleteBehavior.SetNull);
        area.Property(a => a.AreaCode).HasMaxLength(48);
        // The admin's list of what waits for approval.
        area.HasIndex(a => a.ApprovedAt);
    }
}

internal sealed class ProfessionalProfileConfiguration : IEntityTypeConfiguration<ProfessionalProfile>
{
    public void Configure(EntityTypeBuilder<ProfessionalProfile> profile)
    {
        profile.ToTable("ProfessionalProfiles");
        profile.HasKey(p => p.UserId);
        profile.HasOne<ApplicationUser>().WithOne().HasForeignKey<ProfessionalProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        profile.Property(p => p.Organisation).HasMaxLength(ProfessionalProfile.OrganisationMaxLength);
        profile.Property(p => p.WorkPhone).HasMaxLength(ProfessionalProfile.PhoneMaxLength);
    }
}
