using Wehelpen.Web.Features.Logbook;

namespace Wehelpen.Web.Features.Circles;

/// <summary>The circle's front page: what is coming up, what happened lately, who is in it.</summary>
public sealed class OverviewModel(CircleManagement circles, CircleLogbook logbook) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Overview;

    public IReadOnlyList<MemberResponse> Members { get; private set; } = [];
    public IReadOnlyList<LogbookEntryResponse> LatestEntries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Members = await circles.MembersAsync(Membership.CircleId, ct);
        LatestEntries = (await logbook.PageAsync(Membership, 1, 3, ct)).Items;
    }
}
