using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Matching;

/// <summary>
/// The engine holds an erased volunteer's place and settings in memory: once the erasure is committed it reads them
/// again, finds no one, and drops them (on every node). The rows about alerts are Requests' (RequestAlertsPersonalData).
/// </summary>
internal sealed class MatchingPersonalData(MatchingRefresher refresher) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns => [];

    public IEnumerable<ExportSection> Export(string userId) => [];

    public Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        erasure.AfterCommit(_ => refresher.ChangedAsync(volunteers: [erasure.UserId]));
        return Task.CompletedTask;
    }
}
