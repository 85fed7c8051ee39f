using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Areas;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>Reading the social map: per stadsdeel, the trekker first, then by kind and name.</summary>
public sealed class SocialMapQueries(WehelpenDbContext db)
{
    public static Stadsdeel? FindStadsdeel(string? code) =>
        AmsterdamAreas.Stadsdelen.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));

    public async Task<IReadOnlyList<OrganisationResponse>> ListAsync(Stadsdeel? stadsdeel, CancellationToken ct)
    {
        var query = db.Set<Organisation>().AsNoTracking().Include(o => o.UpdatedBy).AsQueryable();
        if (stadsdeel is not null) query = query.Where(o => o.StadsdeelCode == stadsdeel.Code);
        var found = await query.ToListAsync(ct);
        return Order(found).Select(Describe).ToList();
    }

    public async Task<OrganisationResponse?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<Organisation>().AsNoTracking().Include(o => o.UpdatedBy).SingleOrDefaultAsync(o => o.Id == id, ct) is { } found
            ? Describe(found)
            : null;

    /// <summary>The order of the page (in the order of <see cref="AmsterdamAreas.Stadsdelen"/>): trekker, kind, name.</summary>
    public static IEnumerable<Organisation> Order(IEnumerable<Organisation> organisations) =>
        organisations
            .OrderBy(o => AmsterdamAreas.Stadsdelen.ToList().FindIndex(s => s.Code == o.StadsdeelCode))
            .ThenByDescending(o => o.IsAllianceLead)
            .ThenBy(o => o.Kind)
            .ThenBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase);

    public static OrganisationResponse Describe(Organisation o) => new(
        o.Id, o.StadsdeelCode, FindStadsdeel(o.StadsdeelCode)?.Name ?? o.StadsdeelCode, o.Name, o.Kind, o.IsAllianceLead, o.WhatTheyDo,
        o.Phone, o.Email, o.Website, o.Address, o.OpeningHours, o.Notes, o.UpdatedAt, o.UpdatedBy?.DisplayName, o.Version);
}
