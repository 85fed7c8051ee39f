using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Matching;

/// <summary>A saved profile (place, roles, volunteer settings) is read again by matching once it is committed.</summary>
internal sealed class MatchingProfileFollower(MatchingRefresher refresher) : IProfileSaved
{
    public Task ProfileSavedAsync(string userId, CancellationToken ct) => refresher.ChangedAsync(volunteers: [userId]);
}
