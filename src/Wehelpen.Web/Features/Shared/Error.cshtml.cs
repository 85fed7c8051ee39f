using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wehelpen.Web.Features.Shared;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";
    public string TextKey { get; private set; } = "Error.Text";

    // From the route only: a POST shown again after its form was refused (antiforgery, limits) must not read that form.
    public void OnGet([FromRoute] int? code) => Describe(code);
    public void OnPost([FromRoute] int? code) => Describe(code);

    private void Describe(int? code)
    {
        (TitleKey, TextKey) = code switch
        {
            404 => ("Error.NotFound.Title", "Error.NotFound.Text"),
            403 => ("Error.Forbidden.Title", "Error.Forbidden.Text"),
            400 or 413 => ("Error.BadRequest.Title", "Error.BadRequest.Text"),
            _ => ("Error.Title", "Error.Text"),
        };
        if (code is >= 400 and < 600 && HttpContext.Response.StatusCode == 200) Response.StatusCode = code.Value;
        if (code is null) Response.StatusCode = 500;
    }
}
