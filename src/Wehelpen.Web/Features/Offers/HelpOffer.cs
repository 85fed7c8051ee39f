using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Offers;

/// <summary>
/// What a volunteer offers to the neighbourhood (hulpaanbod): "I do the shopping on Tuesdays in 1055". The place is
/// the PC4 area of their profile when they published it, so a later move does not move an offer people already saw.
/// </summary>
public sealed class HelpOffer
{
    public const int TextMaxLength = 500;

    /// <summary>Older offers are no longer shown: people's lives change, and a stale offer disappoints both sides.</summary>
    public const int ShownForDays = 90;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string VolunteerId { get; set; } = "";
    public HelpCategories Category { get; set; }
    public string Text { get; set; } = "";

    /// <summary>Days and parts of the week; empty when the volunteer did not say (by arrangement).</summary>
    public WeeklyAvailability Availability { get; set; }

    public string Pc4 { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>Set when the volunteer withdraws it; kept so that what was asked through it can still be traced.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    public ApplicationUser? Volunteer { get; set; }

    public bool IsShownAt(DateTimeOffset now) => WithdrawnAt is null && PublishedAt > now.AddDays(-ShownForDays);
}

internal sealed class HelpOfferConfiguration : IEntityTypeConfiguration<HelpOffer>
{
    public void Configure(EntityTypeBuilder<HelpOffer> offer)
    {
        offer.ToTable("HelpOffers");
        offer.HasOne(o => o.Volunteer).WithMany().HasForeignKey(o => o.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        offer.Property(o => o.Category).HasConversion<string>().HasMaxLength(16);
        offer.Property(o => o.Text).HasMaxLength(HelpOffer.TextMaxLength);
        offer.Property(o => o.Availability).HasConversion(a => a.Mask, mask => new WeeklyAvailability(mask));
        offer.Property(o => o.Pc4).HasMaxLength(4);
        offer.HasIndex(o => new { o.VolunteerId, o.PublishedAt });
        // Active offers near a point.
        offer.HasIndex(o => new { o.WithdrawnAt, o.Latitude });
    }
}
