using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Requests.Help;

/// <summary>/help/escalated: requests nobody in the neighbourhood took on, for the buurtteam, longest waiting first.</summary>
[Authorize(Roles = Roles.Professional + "," + Roles.Admin)]
public sealed class EscalatedModel(RequestQueries queries) : PageModel
{
    public IReadOnlyList<RequestSummary> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Waiting = await queries.EscalatedAsync(ct);
}
