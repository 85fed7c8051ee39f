using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>What kind of organisation it is on the social map; the order is the order of the page.</summary>
public enum OrganisationKind { AlliancePartner, Buurtteam, HuisVanDeBuurt, Other }

/// <summary>
/// An organisation active in one stadsdeel: what they do and how to reach them. Seeded with the wijkzorg alliances
/// (migration 0015, contact fields left empty), kept up to date by admins. Every save checks <see cref="Version"/>,
/// so of two admins editing at once the second hears about the first instead of overwriting them.
/// </summary>
public sealed class Organisation
{
    public const int NameMaxLength = 120;
    public const int WhatTheyDoMaxLength = 1000;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;
    public const int WebsiteMaxLength = 300;
    public const int AddressMaxLength = 200;
    public const int OpeningHoursMaxLength = 300;
    public const int NotesMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>A <see cref="Stadsdeel.Code"/>.</summary>
    public string StadsdeelCode { get; set; } = "";
    public string Name { get; set; } = "";
    public OrganisationKind Kind { get; set; }

    /// <summary>The trekker of the stadsdeel's wijkzorg alliance.</summary>
    public bool IsAllianceLead { get; set; }
    public string WhatTheyDo { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Address { get; set; }
    public string? OpeningHours { get; set; }
    public string? Notes { get; set; }

    /// <summary>Null for a seeded row no admin has touched yet.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
    public int Version { get; set; }

    public ApplicationUser? UpdatedBy { get; set; }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.ToTable("Organisations");
        organisation.HasOne(o => o.UpdatedBy).WithMany().HasForeignKey(o => o.UpdatedById).OnDelete(DeleteBehavior.SetNull);
        organisation.Property(o => o.StadsdeelCode).HasMaxLength(16);
        organisation.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        organisation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(24);
        organisation.Property(o => o.WhatTheyDo).HasMaxLength(Organisation.WhatTheyDoMaxLength);
        organisation.Property(o => o.Phone).HasMaxLength(Organisation.PhoneMaxLength);
        organisation.Property(o => o.Email).HasMaxLength(Organisation.EmailMaxLength);
        organisation.Property(o => o.Website).HasMaxLength(Organisation.WebsiteMaxLength);
        organisation.Property(o => o.Address).HasMaxLength(Organisation.AddressMaxLength);
        organisation.Property(o => o.OpeningHours).HasMaxLength(Organisation.OpeningHoursMaxLength);
        organisation.Property(o => o.Notes).HasMaxLength(Organisation.NotesMaxLength);
        organisation.Property(o => o.Version).IsConcurrencyToken();
        // A stadsdeel's page.
        organisation.HasIndex(o => o.StadsdeelCode);
    }
}
