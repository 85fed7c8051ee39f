using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Reports;

/// <summary>
/// A melding: someone tells the moderators that a request or a person is not right. Exactly one of
/// <see cref="RequestId"/> and <see cref="PersonId"/> is set. <see cref="Pc4"/> is the area it is about, so that the
/// buurtteam of that area can be given it once areas exist; until then the administrators handle all of them.
/// </summary>
public sealed class Report
{
    public const int ReasonMaxLength = 1000;
    public const int NoteMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string ReporterId { get; set; } = "";
    public Guid? RequestId { get; set; }
    public string? PersonId { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>The request's PC4, or the person's; null when the person gave no postcode.</summary>
    public string? Pc4 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public string? HandledById { get; set; }
    public string? HandledNote { get; set; }

    public ApplicationUser? Reporter { get; set; }
    public HelpRequest? Request { get; set; }
    public ApplicationUser? Person { get; set; }
    public ApplicationUser? HandledBy { get; set; }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> report)
    {
        report.ToTable("Reports");
        report.HasOne(r => r.Reporter).WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
        report.HasOne(r => r.Request).WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        report.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        report.HasOne(r => r.HandledBy).WithMany().HasForeignKey(r => r.HandledById).OnDelete(DeleteBehavior.SetNull);
        report.Property(r => r.Reason).HasMaxLength(Report.ReasonMaxLength);
        report.Property(r => r.HandledNote).HasMaxLength(Report.NoteMaxLength);
        report.Property(r => r.Pc4).HasMaxLength(4);
        // Open reports first, newest first; later per area.
        report.HasIndex(r => new { r.HandledAt, r.CreatedAt });
        report.HasIndex(r => r.Pc4);
        report.HasIndex(r => r.ReporterId);
        report.HasIndex(r => r.RequestId);
        report.HasIndex(r => r.PersonId);
    }
}
