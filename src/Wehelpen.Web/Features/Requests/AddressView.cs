using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Requests;

/// <summary>Why someone outside the circle was shown the address.</summary>
public enum AddressViewerRole
{
    /// <summary>The volunteer who took the request on.</summary>
    Helper,

    /// <summary>A professional of the buurtteam of the request's gebied who took on an escalated request.</summary>
    Professional,
}

/// <summary>
/// Someone outside the circle was shown a request's address, phone and full postcode, for the circle's hoofdpersoon
/// and coördinators to see. One row per request, person and Amsterdam day: reloading the page all afternoon moves
/// <see cref="LastSeenAt"/>, a look a week later is a row of its own. Goes when the address goes (AddressViewRetention).
/// </summary>
public sealed class AddressView
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public string ViewerId { get; set; } = "";
    public AddressViewerRole Role { get; set; }
    public DateOnly Day { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }

    public ApplicationUser? Viewer { get; set; }
}

internal sealed class AddressViewConfiguration : IEntityTypeConfiguration<AddressView>
{
    public void Configure(EntityTypeBuilder<AddressView> view)
    {
        view.ToTable("AddressViews");
        view.HasOne<HelpRequest>().WithMany().HasForeignKey(v => v.RequestId).OnDelete(DeleteBehavior.Cascade);
        // Restrict: erasing an account re-attributes these to the former member first (AddressViewPersonalData).
        view.HasOne(v => v.Viewer).WithMany().HasForeignKey(v => v.ViewerId).OnDelete(DeleteBehavior.Restrict);
        view.Property(v => v.Role).HasConversion<string>().HasMaxLength(16);
        // The key of the one upsert per look (AddressViews.RecordAsync), and the circle's list per request.
        view.HasIndex(v => new { v.RequestId, v.ViewerId, v.Day }).IsUnique();
    }
}
