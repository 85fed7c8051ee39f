using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Requests.Series.Regulars;

public enum RegularStatus { Offered, Accepted, Declined, Ended }

/// <summary>Who ended an arrangement: told to the other side, without keeping who of the circle it was.</summary>
public enum RegularSide { Volunteer, Circle }

/// <summary>
/// A vaste vrijwilliger: a volunteer who offered to take a series (or some of its weekdays) and whom the circle
/// accepted. Each occurrence on their days is then made already taken on by them, with the usual reminders and the
/// "Gaat het door?" the day before; one they cannot come to they give back, and it goes out as any request does.
/// When the series is changed from a date, the arrangement moves to the series that goes on.
/// </summary>
public sealed class RegularVolunteer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SeriesId { get; set; }
    public Guid CircleId { get; set; }
    public string VolunteerId { get; set; } = "";

    /// <summary>The weekdays they take, one bit per <see cref="DayOfWeek"/> as in the series; 0 for every occurrence.</summary>
    public int Weekdays { get; set; }

    public RegularStatus Status { get; set; }
    public DateTimeOffset OfferedAt { get; set; }

    /// <summary>When the circle accepted or declined.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public RegularSide? EndedBy { get; set; }
    public int Version { get; set; }

    public RequestSeries? Series { get; set; }
    public ApplicationUser? Volunteer { get; set; }

    public bool IsLive => Status is RegularStatus.Offered or RegularStatus.Accepted;

    public IReadOnlySet<DayOfWeek> Days => RequestSeries.DaysOf(Weekdays);

    /// <summary>Whether the occurrence on <paramref name="date"/> is theirs.</summary>
    public bool Covers(DateOnly date) => Weekdays == 0 || (Weekdays & (1 << (int)date.DayOfWeek)) != 0;

    /// <summary>Two arrangements of one series that would both take some date.</summary>
    public bool Overlaps(RegularVolunteer other) => Weekdays == 0 || other.Weekdays == 0 || (Weekdays & other.Weekdays) != 0;
}

internal sealed class RegularVolunteerConfiguration : IEntityTypeConfiguration<RegularVolunteer>
{
    public void Configure(EntityTypeBuilder<RegularVolunteer> regular)
    {
        regular.ToTable("RegularVolunteers");
        regular.HasOne(r => r.Series).WithMany().HasForeignKey(r => r.SeriesId).OnDelete(DeleteBehavior.Cascade);
        regular.HasOne<Circle>().WithMany().HasForeignKey(r => r.CircleId).OnDelete(DeleteBehavior.Cascade);
        regular.HasOne(r => r.Volunteer).WithMany().HasForeignKey(r => r.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        regular.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        regular.Property(r => r.EndedBy).HasConversion<string>().HasMaxLength(16);
        regular.Property(r => r.Version).IsConcurrencyToken();
        regular.HasIndex(r => new { r.SeriesId, r.Status });
        regular.HasIndex(r => new { r.VolunteerId, r.Status });
        regular.HasIndex(r => r.CircleId);
    }
}
