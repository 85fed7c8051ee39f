using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wehelpen.Web.Features.Circles;

public enum MembershipChange
{
    Created,
    Joined,
    Left,
    Removed,
    RoleChanged,
    /// <summary>The resident, already a member, became the hoofdpersoon through the takeover invitation.</summary>
    TookOver,
}

/// <summary>
/// Who changed the membership of a circle, and when. Names are copied in, so the history still reads right after
/// someone changes their name or deletes their account.
/// </summary>
public sealed class MembershipEvent
{
    public long Id { get; set; }
    public Guid CircleId { get; set; }
    public MembershipChange Change { get; set; }
    public string? SubjectUserId { get; set; }
    public string SubjectName { get; set; } = "";
    public string? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public CircleRole? Role { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class MembershipEventConfiguration : IEntityTypeConfiguration<MembershipEvent>
{
    public void Configure(EntityTypeBuilder<MembershipEvent> e)
    {
        e.ToTable("MembershipEvents");
        e.HasOne<Circle>().WithMany().HasForeignKey(x => x.CircleId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Change).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SubjectName).HasMaxLength(Circle.NameMaxLength);
        e.Property(x => x.ActorName).HasMaxLength(Circle.NameMaxLength);
        e.HasIndex(x => new { x.CircleId, x.At });
    }
}
