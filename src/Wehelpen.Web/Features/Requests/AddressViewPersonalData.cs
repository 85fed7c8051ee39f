using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// The addresses someone was shown as a helper or professional: theirs to export. On erasure the circle keeps "a former
/// member saw it"; an erased circle's requests take their rows with them.
/// </summary>
internal sealed class AddressViewPersonalData(WehelpenDbContext db) : IPersonalData
{
    // Before the requests they point at.
    public int Order => ErasureOrder.Pointers;

    public IEnumerable<PersonalColumn> Columns => [new("AddressViews", "ViewerId")];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("address-views", ct => db.Set<AddressView>().AsNoTracking()
            .Where(v => v.ViewerId == userId)
            .OrderBy(v => v.FirstSeenAt)
            .Select(v => new { v.RequestId, v.Role, v.Day, v.FirstSeenAt, v.LastSeenAt })
            .AsAsyncEnumerable()
            .Select(v => (object)new { v.RequestId, Role = v.Role.ToString(), v.Day, v.FirstSeenAt, v.LastSeenAt })),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var (id, former) = (erasure.UserId, FormerMember.Id);
        var views = db.Set<AddressView>();
        // One row per request, person and day: where another erased person already stands as the former member that
        // day, "a former member saw it" is said once.
        await views.Where(v => v.ViewerId == id && views.Any(f => f.ViewerId == former && f.RequestId == v.RequestId && f.Day == v.Day))
            .ExecuteDeleteAsync(ct);
        await views.Where(v => v.ViewerId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.ViewerId, former), ct);
    }

    public Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct) =>
        db.Set<AddressView>()
            .Where(v => db.Set<HelpRequest>().Any(r => r.Id == v.RequestId && r.CircleId == erasure.CircleId))
            .ExecuteDeleteAsync(ct);
}
