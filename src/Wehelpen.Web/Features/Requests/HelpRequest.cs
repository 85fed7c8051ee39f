using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Logbook;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Requests;

public enum RequestStatus { Open, Claimed, Done, Cancelled, Expired }

/// <summary>Who may take a request on: widens from one person to the circle to the neighbourhood, never back.</summary>
public enum RequestAudience { Person = 0, Circle = 1, Neighbourhood = 2 }

/// <summary>
/// A hulpvraag of a circle: what, when, where and for whom. Its status only changes through the methods of
/// <see cref="RequestRules"/>, and every save checks <see cref="Version"/>, so two people acting at once never both
/// succeed (two volunteers claiming: one wins, the other hears that someone was just ahead of them).
/// </summary>
public sealed class HelpRequest
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 2000;
    public const int AddressMaxLength = 200;
    public const int PhoneMaxLength = 30;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CircleId { get; set; }
    public string RequestedById { get; set; } = "";
    public HelpCategories Category { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>Start of the time window; null when it is "flexible, before <see cref="EndsAt"/>".</summary>
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>End of the window, or the deadline of a flexible request: an open request expires then.</summary>
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>The full postcode, private like the address; outsiders only ever see <see cref="Pc4"/>.</summary>
    public string Postcode { get; set; } = "";
    public string Pc4 { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string? Address { get; set; }
    public string? ContactPhone { get; set; }

    public RequestAudience Audience { get; set; }
    public string? AddressedToId { get; set; }
    public DateTimeOffset AudienceSince { get; set; }

    /// <summary>When nobody has claimed it by then, it widens (or, in the neighbourhood, goes to the buurtteam).</summary>
    public DateTimeOffset? WidensAt { get; set; }

    /// <summary>Set when even the neighbourhood did not respond: the buurtteam of the area sees it.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    public Guid? AppointmentId { get; set; }

    /// <summary>The series this is an occurrence of (Features/Requests/Series), and its Amsterdam date in it; made once per date.</summary>
    public Guid? SeriesId { get; set; }
    public DateOnly? OccurrenceOn { get; set; }

    public RequestStatus Status { get; set; }
    public string? ClaimedById { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>When the helper said "ja, ik kom" (asked the day before); null until then, and again after a new claim.</summary>
    public DateTimeOffset? ComingConfirmedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>After done: did it really happen, according to the helper and to the circle? Null while unanswered.</summary>
    public bool? HelperConfirmed { get; set; }
    public bool? RequesterConfirmed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public Circle? Circle { get; set; }
    public ApplicationUser? RequestedBy { get; set; }
    public ApplicationUser? AddressedTo { get; set; }
    public ApplicationUser? ClaimedBy { get; set; }
    public Appointment? Appointment { get; set; }
    public List<RequestEvent> Events { get; set; } = [];

    public bool IsClosed => Status is RequestStatus.Done or RequestStatus.Cancelled or RequestStatus.Expired;

    /// <summary>Counted in figures only when both sides said it happened.</summary>
    public bool IsConfirmedHelp => Status == RequestStatus.Done && HelperConfirmed == true && RequesterConfirmed == true;
}

internal sealed class HelpRequestConfiguration : IEntityTypeConfiguration<HelpRequest>
{
    public void Configure(EntityTypeBuilder<HelpRequest> request)
    {
        request.ToTable("HelpRequests");
        request.HasOne(r => r.Circle).WithMany().HasForeignKey(r => r.CircleId).OnDelete(DeleteBehavior.Cascade);
        request.HasOne(r => r.RequestedBy).WithMany().HasForeignKey(r => r.RequestedById).OnDelete(DeleteBehavior.Restrict);
        request.HasOne(r => r.AddressedTo).WithMany().HasForeignKey(r => r.AddressedToId).OnDelete(DeleteBehavior.Restrict);
        request.HasOne(r => r.ClaimedBy).WithMany().HasForeignKey(r => r.ClaimedById).OnDelete(DeleteBehavior.Restrict);
        // A request outlives the appointment it was about: it keeps its own time.
        request.HasOne(r => r.Appointment).WithMany().HasForeignKey(r => r.AppointmentId).OnDelete(DeleteBehavior.SetNull);
        // The logbook's automatic lines name their request; the line stays when the request goes.
        request.HasMany<ChatThread>().WithOne().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
        request.HasMany<LogbookEntry>().WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.SetNull);
        request.Property(r => r.Category).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.Audience).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.Title).HasMaxLength(HelpRequest.TitleMaxLength);
        request.Property(r => r.Description).HasMaxLength(HelpRequest.DescriptionMaxLength);
        request.Property(r => r.Postcode).HasMaxLength(7);
        request.Property(r => r.Pc4).HasMaxLength(4);
        request.Property(r => r.Address).HasMaxLength(HelpRequest.AddressMaxLength);
        request.Property(r => r.ContactPhone).HasMaxLength(HelpRequest.PhoneMaxLength);
        request.Property(r => r.Version).IsConcurrencyToken();
        request.HasIndex(r => new { r.CircleId, r.CreatedAt });
        // Open neighbourhood requests near a point, and the sweep of what is due.
        request.HasIndex(r => new { r.Status, r.Audience, r.Latitude });
        request.HasIndex(r => new { r.Status, r.WidensAt });
        request.HasIndex(r => new { r.Status, r.EndsAt });
        request.HasIndex(r => r.ClaimedById);
        request.HasIndex(r => r.AddressedToId);
        request.HasIndex(r => r.RequestedById);
        // One occurrence per date of a series, also when two nodes top the series up at once.
        request.HasIndex(r => new { r.SeriesId, r.OccurrenceOn }).IsUnique();
    }
}
