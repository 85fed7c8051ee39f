using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Circles;

/// <summary>A private care circle around one resident: everything in it is visible to its members only.</summary>
public sealed class Circle
{
    public const int NameMaxLength = 80;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";

    /// <summary>
    /// The resident's name as the circle shows it; set by a carer before the resident has an account, so it is
    /// kept even when no member is the hoofdpersoon yet.
    /// </summary>
    public string ResidentName { get; set; } = "";

    public string CreatedById { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public List<CircleMember> Members { get; set; } = [];
}

/// <summary>Hoofdpersoon (the resident), coördinator or lid.</summary>
public enum CircleRole
{
    Member = 0,
    Coordinator = 1,
    Resident = 2,

    /// <summary>
    /// The klanthouder: a professional of the buurtteam the circle invited (Features/Buurtteam). Sees the circle as a
    /// coördinator does; never given through an invitation code or a role change, and the circle can end it any time.
    /// </summary>
    CaseHolder = 3,
}

public sealed class CircleMember
{
    public Guid CircleId { get; set; }
    public string UserId { get; set; } = "";
    public CircleRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }

    public Circle? Circle { get; set; }
    public ApplicationUser? User { get; set; }

    /// <summary>The hoofdpersoon and coördinators manage members, invitations and settings.</summary>
    public static bool CanManage(CircleRole role) => role is CircleRole.Resident or CircleRole.Coordinator;

    /// <summary>
    /// Who sees the circle as its managers do (its request threads with helpers too): the managers and the klanthouder,
    /// who sees like a coördinator but leaves the managing to the circle.
    /// </summary>
    public static bool SeesAsManager(CircleRole role) => CanManage(role) || role == CircleRole.CaseHolder;

    /// <summary>The ids of the hoofdpersoon and coördinators of a circle: who hears what concerns the circle as a whole.</summary>
    public static IQueryable<string> ManagerIds(IQueryable<CircleMember> members, Guid circleId) =>
        members.Where(m => m.CircleId == circleId && (m.Role == CircleRole.Resident || m.Role == CircleRole.Coordinator)).Select(m => m.UserId);
}

internal sealed class CircleConfiguration : IEntityTypeConfiguration<Circle>
{
    public void Configure(EntityTypeBuilder<Circle> circle)
    {
        circle.ToTable("Circles");
        circle.Property(c => c.Name).HasMaxLength(Circle.NameMaxLength);
        circle.Property(c => c.ResidentName).HasMaxLength(Circle.NameMaxLength);
    }
}

internal sealed class CircleMemberConfiguration : IEntityTypeConfiguration<CircleMember>
{
    public void Configure(EntityTypeBuilder<CircleMember> member)
    {
        member.ToTable("CircleMembers");
        member.HasKey(m => new { m.CircleId, m.UserId });
        member.HasOne(m => m.Circle).WithMany(c => c.Members).HasForeignKey(m => m.CircleId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        member.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        // "Which circles am I in?" on every page.
        member.HasIndex(m => m.UserId);
        // At most one hoofdpersoon per circle, also when two people accept a takeover at once.
        member.HasIndex(m => m.CircleId, "IX_CircleMembers_OneResident").IsUnique().HasFilter("\"Role\" = 'Resident'");
        // One klanthouder per circle: "one case holder", also when two accept at once.
        member.HasIndex(m => m.CircleId, "IX_CircleMembers_OneCaseHolder").IsUnique().HasFilter("\"Role\" = 'CaseHolder'");
    }
}
