using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// A request that is over (done, cancelled, expired) keeps where and how to reach the person for
/// <see cref="RetentionOptions.RequestAddressDays"/> after it closed, for questions afterwards; then its address and
/// phone go and its postcode is cut back to the four digits (the area, all the figures need). What it was about stays
/// with the circle. Open and claimed requests are never touched. In batches, so that a backlog of years is many short
/// statements and never one long lock.
/// </summary>
internal sealed class RequestAddressRetention(WehelpenDbContext db, IOptions<RetentionOptions> options) : IRetentionRule
{
    private const int BatchSize = 500;

    public string Name => "request-addresses";

    public async Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (RetentionPeriod.Cutoff(now, options.Value.RequestAddressDays) is not { } cutoff) return 0;
        var total = 0;
        while (true)
        {
            var ids = await Due(cutoff).OrderBy(r => r.Id).Select(r => r.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0) return total;
            // The condition again: a request that changed in between is left as it now is.
            var done = await Due(cutoff).Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Address, (string?)null)
                .SetProperty(r => r.ContactPhone, (string?)null)
                .SetProperty(r => r.Postcode, r => r.Pc4), ct);
            total += done;
            if (ids.Count < BatchSize || done == 0) return total;
        }
    }

    private IQueryable<HelpRequest> Due(DateTimeOffset cutoff) => db.Set<HelpRequest>().Where(r =>
        (r.Status == RequestStatus.Done || r.Status == RequestStatus.Cancelled || r.Status == RequestStatus.Expired)
        && r.ClosedAt != null && r.ClosedAt < cutoff
        && (r.Address != null || r.ContactPhone != null || r.Postcode != r.Pc4));
}
