using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// Who saw the address goes when the address goes (RequestAddressRetention): <see cref="RetentionOptions.RequestAddressDays"/>
/// after the request closed. One statement: the table is new with this rule, and a daily run finds only the rows of the
/// requests whose period ended since the day before (one per helper and day).
/// </summary>
internal sealed class AddressViewRetention(WehelpenDbContext db, IOptions<RetentionOptions> options) : IRetentionRule
{
    public string Name => "request-address-views";

    public async Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (RetentionPeriod.Cutoff(now, options.Value.RequestAddressDays) is not { } closedBefore) return 0;
        return await db.Set<AddressView>()
            .Where(v => db.Set<HelpRequest>().Any(r => r.Id == v.RequestId && r.ClosedAt < closedBefore
                && (r.Status == RequestStatus.Done || r.Status == RequestStatus.Cancelled || r.Status == RequestStatus.Expired)))
            .ExecuteDeleteAsync(ct);
    }
}
