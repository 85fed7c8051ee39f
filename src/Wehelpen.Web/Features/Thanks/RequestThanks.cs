using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Thanks;

/// <summary>
/// The circle's thank-you to whoever helped with a done request: one per request, a short note, written by someone of
/// the requester's side (who asked, the hoofdpersoon, a coördinator) and changed only by them. The volunteer is copied
/// in from the request when it is written, so "my thanks" is one index away and stays theirs whatever the request does.
/// </summary>
public sealed class RequestThanks
{
    public const int NoteMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public Guid CircleId { get; set; }
    public string WrittenById { get; set; } = "";
    public string VolunteerId { get; set; } = "";
    public string Note { get; set; } = "";
    public DateTimeOffset WrittenAt { get; set; }

    /// <summary>When the writer last changed the note; null while it is as first written.</summary>
    public DateTimeOffset? ChangedAt { get; set; }

    public HelpRequest? Request { get; set; }
    public ApplicationUser? WrittenBy { get; set; }
}

internal sealed class RequestThanksConfiguration : IEntityTypeConfiguration<RequestThanks>
{
    public void Configure(EntityTypeBuilder<RequestThanks> thanks)
    {
        thanks.ToTable("RequestThanks");
        thanks.HasOne(t => t.Request).WithMany().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
        thanks.HasOne<Circle>().WithMany().HasForeignKey(t => t.CircleId).OnDelete(DeleteBehavior.Cascade);
        thanks.HasOne(t => t.WrittenBy).WithMany().HasForeignKey(t => t.WrittenById).OnDelete(DeleteBehavior.Restrict);
        thanks.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        thanks.Property(t => t.Note).HasMaxLength(RequestThanks.NoteMaxLength);
        // One per request: two people of the circle thanking at once, one wins.
        thanks.HasIndex(t => t.RequestId).IsUnique();
        thanks.HasIndex(t => new { t.VolunteerId, t.WrittenAt });
        thanks.HasIndex(t => t.WrittenById);
        thanks.HasIndex(t => t.CircleId);
    }
}

/// <summary>
/// What a circle allows volunteers to show in their yearly overview. Without a row (the default) the overview names
/// no one: "een hulpvrager in 1055".
/// </summary>
public sealed class CircleThanksSettings
{
    public Guid CircleId { get; set; }

    /// <summary>"Vrijwilligers mogen onze naam noemen in hun jaaroverzicht": the resident's name, as the circle shows it.</summary>
    public bool NameInOverview { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

internal sealed class CircleThanksSettingsConfiguration : IEntityTypeConfiguration<CircleThanksSettings>
{
    public void Configure(EntityTypeBuilder<CircleThanksSettings> settings)
    {
        settings.ToTable("CircleThanksSettings");
        settings.HasKey(s => s.CircleId);
        settings.HasOne<Circle>().WithMany().HasForeignKey(s => s.CircleId).OnDelete(DeleteBehavior.Cascade);
    }
}
