namespace Wehelpen.Web.Features.Chat;

/// <summary>A help request as its chat thread needs to know it.</summary>
/// <param name="Title">What the circle called it: a push about its thread names it.</param>
/// <param name="IsClaimed">Still claimed: its thread can be written to; done or cancelled, it is read-only.</param>
public sealed record ThreadRequest(Guid CircleId, string RequestedById, string? ClaimedById, bool IsClaimed, string Title);

/// <summary>
/// What Chat needs to know of help requests for their threads. Requests, which keeps them, implements this, so that
/// Chat depends on no feature above it.
/// </summary>
public interface IThreadRequests
{
    Task<ThreadRequest?> FindAsync(Guid requestId, CancellationToken ct);

    /// <summary>The ids of the requests this person is the helper of now, as a query that Chat combines with its own.</summary>
    IQueryable<Guid> ClaimedBy(string userId);
}
