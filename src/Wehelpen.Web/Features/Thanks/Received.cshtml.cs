using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Thanks;

/// <summary>/help/thanks: the thanks a volunteer received, newest first, each with what the help was and when.</summary>
[Authorize]
public sealed class ReceivedModel(Thanking thanking) : PageModel
{
    public IReadOnlyList<ReceivedThanks> Thanks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Thanks = await thanking.ReceivedAsync(User.RequiredUserId(), ct);
}
