using Wehelpen.Matching;

namespace Wehelpen.Web.Features.Matching;

/// <summary>
/// What matching needs to know of help requests, told by the feature that keeps them (Requests implements this):
/// matching reads no request tables itself, so that the adapter depends on nothing above it.
/// </summary>
public interface IRequestSource
{
    /// <summary>Open neighbourhood requests whose time has not passed (all of them, or those of <paramref name="ids"/>).</summary>
    Task<List<OpenRequest>> OpenRequestsAsync(IReadOnlyCollection<Guid>? ids, DateTimeOffset now, CancellationToken ct);

    /// <summary>Load, reliability and recent alerts of volunteers (all of them, or those of <paramref name="ids"/>); missing means none.</summary>
    Task<Dictionary<string, VolunteerStats>> StatsAsync(IReadOnlyCollection<string>? ids, DateTimeOffset now, CancellationToken ct);
}
