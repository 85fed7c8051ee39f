using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// A volunteer the resident (or a coördinator for them) no longer wants: they stop seeing and claiming the circle's
/// requests, and the circle stops seeing their offers. They are not told.
/// </summary>
public sealed class VolunteerBlock
{
    public Guid CircleId { get; set; }
    public string VolunteerId { get; set; } = "";
    public string BlockedById { get; set; } = "";
    public DateTimeOffset BlockedAt { get; set; }

    public ApplicationUser? Volunteer { get; set; }
}

internal sealed class VolunteerBlockConfiguration : IEntityTypeConfiguration<VolunteerBlock>
{
    public void Configure(EntityTypeBuilder<VolunteerBlock> block)
    {
        block.ToTable("VolunteerBlocks");
        block.HasKey(b => new { b.CircleId, b.VolunteerId });
        block.HasOne<Circle>().WithMany().HasForeignKey(b => b.CircleId).OnDelete(DeleteBehavior.Cascade);
        block.HasOne(b => b.Volunteer).WithMany().HasForeignKey(b => b.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        block.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.BlockedById).OnDelete(DeleteBehavior.Cascade);
        block.HasIndex(b => b.VolunteerId);
    }
}
