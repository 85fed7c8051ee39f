using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wehelpen.Web.Features.App;

/// <summary>
/// What the service worker shows for a page it never kept, when there is no connection. Fetched at its install
/// without cookies (/offline?lang=nl and ?lang=en), so it is the same for everyone and holds nothing personal.
/// </summary>
public sealed class OfflineModel : PageModel
{
    public void OnGet() { }
}
