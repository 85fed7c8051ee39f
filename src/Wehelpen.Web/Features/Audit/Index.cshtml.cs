using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Audit;

/// <summary>/admin/audit: what administrators and professionals did with their powers, newest first; administrators only.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(AuditLogQueries queries) : PageModel
{
    [FromQuery(Name = "before")] public long? Before { get; set; }
    [FromQuery(Name = "action")] public string? ActionFilter { get; set; }
    [FromQuery(Name = "actor")] public string? Actor { get; set; }

    public AuditPage Log { get; private set; } = new([], null);
    public IReadOnlyList<AuditPerson> People { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actions = queries.Actions();
        People = await queries.PeopleAsync(ct);
        var found = await queries.ListAsync(new AuditQuery(Before, ActionFilter, Actor), ct);
        if (found.Failed(ModelState, "")) ActionFilter = null;
        else Log = found.Value!;
    }

    /// <summary>This page with the same filters, starting below <paramref name="before"/>.</summary>
    public string Link(long? before)
    {
        var query = new QueryString()
            .Add(before is null ? QueryString.Empty : QueryString.Create("before", before.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Add(string.IsNullOrEmpty(ActionFilter) ? QueryString.Empty : QueryString.Create("action", ActionFilter))
            .Add(string.IsNullOrEmpty(Actor) ? QueryString.Empty : QueryString.Create("actor", Actor));
        return "/admin/audit" + query;
    }

    public bool Filtered => !string.IsNullOrEmpty(ActionFilter) || !string.IsNullOrEmpty(Actor);
}
