using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Requests.Matching;

/// <summary>
/// One volunteer asked about one neighbourhood request, in one wave: who, when, and why (score, distance, whether
/// only a widened wave reached them). Asking once is enough: a volunteer is never asked twice about one request.
/// Recent alerts are also what keeps anyone from being asked more than a few times a week.
/// </summary>
public sealed class RequestAlert
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public string VolunteerId { get; set; } = "";
    public int Wave { get; set; }
    public DateTimeOffset AlertedAt { get; set; }
    public double Score { get; set; }
    public double DistanceMetres { get; set; }

    /// <summary>Beyond their own radius: reached only because the wave stretched it.</summary>
    public bool Widened { get; set; }
}

internal sealed class RequestAlertConfiguration : IEntityTypeConfiguration<RequestAlert>
{
    public void Configure(EntityTypeBuilder<RequestAlert> alert)
    {
        alert.ToTable("RequestAlerts");
        alert.HasOne<HelpRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        // The alerts are the fairness record: someone who was asked is not deleted silently with it.
        alert.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        alert.HasIndex(a => new { a.RequestId, a.VolunteerId }).IsUnique();
        // A volunteer's alerts of the last week (fairness), and their "asked of you" list.
        alert.HasIndex(a => new { a.VolunteerId, a.AlertedAt });
    }
}
