using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Requests.Series;

public enum SeriesFrequency { Weekly, EveryTwoWeeks, Monthly }

/// <summary>
/// A request that repeats: the template each occurrence is posted from, and the rule of its dates (Amsterdam dates,
/// wall-clock times, so 10:00 stays 10:00 across a change of summer time). Each occurrence is an ordinary
/// <see cref="HelpRequest"/> with <see cref="HelpRequest.SeriesId"/> and <see cref="HelpRequest.OccurrenceOn"/> set;
/// the series itself is never counted in figures. Changing it from a date stops this one the day before and starts a
/// new one (see docs/decisions/request-series.md), so a series' rule never changes under its past occurrences.
/// </summary>
public sealed class RequestSeries
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CircleId { get; set; }
    public string RequestedById { get; set; } = "";
    public HelpCategories Category { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>Any time on the day (before its end) rather than <see cref="StartTime"/> to <see cref="EndTime"/>.</summary>
    public bool Flexible { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }

    public string Postcode { get; set; } = "";
    public string? Address { get; set; }
    public string? ContactPhone { get; set; }
    public RequestAudience Audience { get; set; }
    public string? AddressedToId { get; set; }

    public SeriesFrequency Frequency { get; set; }

    /// <summary>Weekly and every two weeks: the days, one bit per <see cref="DayOfWeek"/> (Sunday = bit 0).</summary>
    public int Weekdays { get; set; }

    /// <summary>Monthly: the day of the month, 1 to 28 so that every month has it.</summary>
    public int? DayOfMonth { get; set; }

    /// <summary>No occurrence before this date; every two weeks counts its weeks from the week of this date.</summary>
    public DateOnly FirstDate { get; set; }

    /// <summary>The last date an occurrence may fall on; or else <see cref="Times"/>.</summary>
    public DateOnly? UntilDate { get; set; }
    public int? Times { get; set; }

    /// <summary>Stopped (or changed) from this date on: no occurrence on or after it.</summary>
    public DateOnly? StoppedFrom { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Circle? Circle { get; set; }
    public ApplicationUser? RequestedBy { get; set; }
    public ApplicationUser? AddressedTo { get; set; }

    public IReadOnlySet<DayOfWeek> Days => DaysOf(Weekdays);

    public static IReadOnlySet<DayOfWeek> DaysOf(int bits) => Enum.GetValues<DayOfWeek>().Where(d => (bits & (1 << (int)d)) != 0).ToHashSet();

    public static int BitsOf(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (bits, d) => bits | (1 << (int)d));
}

internal sealed class RequestSeriesConfiguration : IEntityTypeConfiguration<RequestSeries>
{
    public void Configure(EntityTypeBuilder<RequestSeries> series)
    {
        series.ToTable("RequestSeries");
        series.HasOne(s => s.Circle).WithMany().HasForeignKey(s => s.CircleId).OnDelete(DeleteBehavior.Cascade);
        series.HasOne(s => s.RequestedBy).WithMany().HasForeignKey(s => s.RequestedById).OnDelete(DeleteBehavior.Restrict);
        series.HasOne(s => s.AddressedTo).WithMany().HasForeignKey(s => s.AddressedToId).OnDelete(DeleteBehavior.Restrict);
        // An occurrence is a request of its own: it outlives its series (erased, or past its retention).
        series.HasMany<HelpRequest>().WithOne().HasForeignKey(r => r.SeriesId).OnDelete(DeleteBehavior.SetNull);
        series.Property(s => s.Category).HasConversion<string>().HasMaxLength(16);
        series.Property(s => s.Audience).HasConversion<string>().HasMaxLength(16);
        series.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(16);
        series.Property(s => s.Title).HasMaxLength(HelpRequest.TitleMaxLength);
        series.Property(s => s.Description).HasMaxLength(HelpRequest.DescriptionMaxLength);
        series.Property(s => s.Postcode).HasMaxLength(7);
        series.Property(s => s.Address).HasMaxLength(HelpRequest.AddressMaxLength);
        series.Property(s => s.ContactPhone).HasMaxLength(HelpRequest.PhoneMaxLength);
    }
}
