using Wehelpen.Web.Features.Areas;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>What the add and edit forms post; the edit form also carries the version it started from.</summary>
public sealed class OrganisationForm
{
    public string? Stadsdeel { get; set; }
    public string? Name { get; set; }
    public OrganisationKind? Kind { get; set; }
    public bool IsAllianceLead { get; set; }
    public string? WhatTheyDo { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Address { get; set; }
    public string? OpeningHours { get; set; }
    public string? Notes { get; set; }
    public int? Version { get; set; }

    public OrganisationInput ToInput() =>
        new(Stadsdeel, Name, Kind, IsAllianceLead, WhatTheyDo, Phone, Email, Website, Address, OpeningHours, Notes, Version);

    public static OrganisationForm From(OrganisationResponse o) => new()
    {
        Stadsdeel = o.Stadsdeel, Name = o.Name, Kind = o.Kind, IsAllianceLead = o.IsAllianceLead, WhatTheyDo = o.WhatTheyDo,
        Phone = o.Phone, Email = o.Email, Website = o.Website, Address = o.Address, OpeningHours = o.OpeningHours, Notes = o.Notes,
        Version = o.Version,
    };
}

/// <summary>A page with the organisation form (_OrganisationFields.cshtml).</summary>
public interface IOrganisationForm
{
    OrganisationForm Input { get; }
}
