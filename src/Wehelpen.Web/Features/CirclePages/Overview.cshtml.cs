using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Logbook;
using Wehelpen.Web.Features.Neighbourhoods;
using Wehelpen.Web.Features.Notes;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.CirclePages;

/// <summary>The circle's front page: what is coming up, which requests wait for someone, what happened lately, what changed in the notes, who is in it.</summary>
public sealed class OverviewModel(CircleManagement circles, AgendaPlanner agenda, CircleLogbook logbook, NoteActivity notes, RequestQueries requests, WehelpenDbContext db) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Overview;

    public IReadOnlyList<MemberResponse> Members { get; private set; } = [];
    public IReadOnlyList<OccurrenceResponse> Upcoming { get; private set; } = [];
    public IReadOnlyList<LogbookEntryResponse> LatestEntries { get; private set; } = [];
    public IReadOnlyList<NoteSummary> ChangedNotes { get; private set; } = [];
    public IReadOnlyList<RequestSummary> OpenRequests { get; private set; } = [];

    /// <summary>The gebied of the circle, for its buurtteam and social map; null outside Amsterdam or when unknown.</summary>
    public Area? Area { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Upcoming = await agenda.UpcomingAsync(Membership, 3, ct);
        OpenRequests = await requests.OpenForCircleAsync(Membership, 3, ct);
        LatestEntries = await logbook.LatestAsync(Membership, 3, ct);
        ChangedNotes = await notes.RecentlyChangedAsync(Membership.CircleId, ct);
        Members = await circles.MembersAsync(Membership.CircleId, ct);
        Area = await CircleArea.OfAsync(db, Membership.CircleId, ct);
    }
}
