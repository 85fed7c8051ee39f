using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wehelpen.Web.Features.Shared;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";
    public string TextKey { get; private set; } = "Error.Text";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (TitleKey, TextKey) = code switch
        {
            404 => ("Error.NotFound.Title", "Error.NotFound.Text"),
            403 => ("Error.Forbidden.Title", "Error.Forbidden.Text"),
            _ => ("Error.Title", "Error.Text"),
        };
        if (code is >= 400 and < 600 && HttpContext.Response.StatusCode == 200) Response.StatusCode = code.Value;
        if (code is null) Response.StatusCode = 500;
    }
}
