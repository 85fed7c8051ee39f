using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Locations;

namespace Wehelpen.Web.Features.Profiles;

/// <summary>What a volunteer offers: what, where (how far from home, or in chosen postcode areas), and when.</summary>
public sealed class VolunteerProfile
{
    public const int MinRadiusKm = 1;
    public const int MaxRadiusKm = 25;
    public const int DefaultRadiusKm = 3;

    public string UserId { get; set; } = "";
    public HelpCategories Categories { get; set; }
    public int ServiceRadiusKm { get; set; } = DefaultRadiusKm;
    public WeeklyAvailability Availability { get; set; }

    /// <summary>The PC4 areas chosen instead of a radius, space-separated and sorted ("1091 1092"); null for a radius.</summary>
    public string? ServiceAreas { get; set; }

    public IReadOnlyList<string> ChosenAreas => ServiceAreas?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}

internal sealed class VolunteerProfileConfiguration : IEntityTypeConfiguration<VolunteerProfile>
{
    public void Configure(EntityTypeBuilder<VolunteerProfile> volunteer)
    {
        // The table's name from before the DbSet went (Data names no feature's table).
        volunteer.ToTable("VolunteerProfiles");
        volunteer.HasKey(v => v.UserId);
        volunteer.HasOne<ApplicationUser>().WithOne().HasForeignKey<VolunteerProfile>(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        volunteer.Property(v => v.Categories).HasConversion<int>();
        volunteer.Property(v => v.Availability).HasConversion(a => a.Mask, mask => new WeeklyAvailability(mask));
        volunteer.Property(v => v.ServiceAreas).HasMaxLength(Pc4Areas.MaxChosen * 5);
    }
}
