using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Requests;

/// <summary>Who saw the address goes when the address goes: <see cref="RetentionOptions.RequestAddressDays"/> after the request closed.</summary>
internal sealed class AddressViewRetention(WehelpenDbContext db, IOptions<RetentionOptions> options) : IRetentionRule
{
    public string Name => "request-address-views";

    public Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        var closedBefore = now.AddDays(-options.Value.RequestAddressDays);
        return db.Set<AddressView>()
            .Where(v => db.Set<HelpRequest>().Any(r => r.Id == v.RequestId && r.ClosedAt < closedBefore
                && (r.Status == RequestStatus.Done || r.Status == RequestStatus.Cancelled || r.Status == RequestStatus.Expired)))
            .ExecuteDeleteAsync(ct);
    }
}
