using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Offers;

/// <summary>What a volunteer offers to do (hulpaanbod).</summary>
internal sealed class OffersPersonalData(WehelpenDbContext db) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns => [new("HelpOffers", "VolunteerId")];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("offers", _ => db.Set<HelpOffer>().AsNoTracking().Where(o => o.VolunteerId == userId).OrderBy(o => o.PublishedAt)
            .Select(o => new { o.Id, Category = o.Category.ToString(), o.Text, o.Pc4, o.PublishedAt, o.WithdrawnAt })
            .AsAsyncEnumerable()),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct) =>
        await db.Set<HelpOffer>().Where(o => o.VolunteerId == erasure.UserId).ExecuteDeleteAsync(ct);
}
