using Microsoft.AspNetCore.Mvc;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Workload;

public sealed class IndexModel(CircleWorkload workload) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Workload;

    [FromQuery] public int? Weeks { get; set; }
    public WorkloadResponse? Workload { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var outcome = await workload.ForAsync(Membership, Weeks, ct);
        // A period typed into the address bar that is not offered: show the usual one rather than an error.
        Workload = outcome.Value ?? (await workload.ForAsync(Membership, null, ct)).Value;
    }
}
