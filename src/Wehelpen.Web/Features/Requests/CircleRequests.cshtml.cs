namespace Wehelpen.Web.Features.Requests;

/// <summary>The circle's help requests: what is open or taken on first, then what was recently closed.</summary>
public sealed class CircleRequestsModel(RequestQueries queries) : CircleRequestPageModel
{
    public CircleRequestsResponse Requests { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct) => Requests = await queries.ForCircleAsync(Membership, ct);
}
