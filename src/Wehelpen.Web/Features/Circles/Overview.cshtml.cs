namespace Wehelpen.Web.Features.Circles;

/// <summary>The circle's front page: what is coming up, what happened lately, who is in it.</summary>
public sealed class OverviewModel(CircleManagement circles) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Overview;

    public IReadOnlyList<MemberResponse> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Members = await circles.MembersAsync(Membership.CircleId, ct);
}
