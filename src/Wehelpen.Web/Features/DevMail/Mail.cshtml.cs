using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Email;

namespace Wehelpen.Web.Features.DevMail;

/// <summary>Development only: the mail folder as a page, so that a newcomer can click a confirmation link.</summary>
public sealed class MailModel(FolderEmailSender folder, IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<StoredEmail> Messages { get; private set; } = [];
    public string Folder => folder.Folder;

    public IActionResult OnGet()
    {
        if (!environment.IsDevelopment()) return NotFound();
        Messages = folder.ReadAll();
        // The mails are shown as a mail client shows them, with the inline styles mail needs; scripts stay forbidden.
        SecurityHeaders.AllowInlineStyles(HttpContext);
        return Page();
    }
}
