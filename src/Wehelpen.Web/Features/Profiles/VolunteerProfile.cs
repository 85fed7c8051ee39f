using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wehelpen.Web.Features.Profiles;

/// <summary>What a volunteer offers: what, how far from home, and when.</summary>
public sealed class VolunteerProfile
{
    public const int MinRadiusKm = 1;
    public const int MaxRadiusKm = 25;
    public const int DefaultRadiusKm = 3;

    public string UserId { get; set; } = "";
    public HelpCategories Categories { get; set; }
    public int ServiceRadiusKm { get; set; } = DefaultRadiusKm;
    public WeeklyAvailability Availability { get; set; }
}

internal sealed class VolunteerProfileConfiguration : IEntityTypeConfiguration<VolunteerProfile>
{
    public void Configure(EntityTypeBuilder<VolunteerProfile> volunteer)
    {
        volunteer.HasKey(v => v.UserId);
        volunteer.Property(v => v.Categories).HasConversion<int>();
        volunteer.Property(v => v.Availability).HasConversion(a => a.Mask, mask => new WeeklyAvailability(mask));
    }
}
