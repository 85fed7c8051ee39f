using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Chat;

namespace Wehelpen.Web.Features.Requests;

/// <summary>The requests as their chat threads see them: who asked, who helps, whether it is still claimed.</summary>
internal sealed class ThreadRequests(WehelpenDbContext db) : IThreadRequests
{
    public Task<ThreadRequest?> FindAsync(Guid requestId, CancellationToken ct) =>
        db.Set<HelpRequest>().Where(r => r.Id == requestId)
            .Select(r => new ThreadRequest(r.CircleId, r.RequestedById, r.ClaimedById, r.Status == RequestStatus.Claimed, r.Title))
            .SingleOrDefaultAsync(ct);

    public IQueryable<Guid> ClaimedBy(string userId) => db.Set<HelpRequest>().Where(r => r.ClaimedById == userId).Select(r => r.Id);
}
