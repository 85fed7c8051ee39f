using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Profiles;

/// <summary>A volunteer's settings: what they help with, where and when.</summary>
internal sealed class ProfilePersonalData(WehelpenDbContext db) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns => [new("VolunteerProfiles", "UserId")];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("volunteer-settings", ct => db.Set<VolunteerProfile>().AsNoTracking().Where(v => v.UserId == userId).AsAsyncEnumerable()
            .Select(v => (object)new
            {
                Categories = v.Categories.ToString(), v.ServiceRadiusKm, ChosenAreas = v.ServiceAreas,
                Availability = string.Join(", ", v.Availability.Slots().Select(s => $"{s.Day} {s.Part}")),
            })),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        // As an entity: matching follows it and drops the volunteer from its index after the commit.
        if (await db.Set<VolunteerProfile>().SingleOrDefaultAsync(v => v.UserId == erasure.UserId, ct) is { } volunteer)
            db.Set<VolunteerProfile>().Remove(volunteer);
    }
}
