using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Notifications;

namespace Wehelpen.Web.Features.Jobs;

/// <summary>/admin/jobs: the scheduled jobs and the failed notification mail, with retry; administrators only.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class JobsModel(JobBoard board, FailedMails mails) : PageModel
{
    public JobsResponse Jobs { get; private set; } = default!;
    public IReadOnlyList<FailedMail> Mails { get; private set; } = [];

    /// <summary>The resource key of what the last action did, shown once after the redirect.</summary>
    [TempData] public string? Notice { get; set; }
    [TempData] public bool NoticeIsError { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Jobs = await board.ListAsync(ct);
        Mails = await mails.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostRunAsync(string group, string name, CancellationToken ct) =>
        Done(await board.RunNowAsync(User.RequiredUserId(), group, name, ct), "Jobs.Started");

    public async Task<IActionResult> OnPostResetAsync(string group, string name, CancellationToken ct) =>
        Done(await board.ResetTriggerAsync(User.RequiredUserId(), group, name, ct), "Jobs.TriggerReset");

    public async Task<IActionResult> OnPostRetryMailAsync(Guid id, CancellationToken ct)
    {
        var retried = await mails.RetryAsync(User.RequiredUserId(), id, ct);
        (Notice, NoticeIsError) = retried ? ("Jobs.Mails.Retried", false) : ("Jobs.Mails.NotFailed", true);
        return RedirectToPage();
    }

    private RedirectToPageResult Done(Hosting.Outcome<Hosting.Done> outcome, string success)
    {
        // The refusal's message is already localized; a key is kept instead so that it survives the redirect in any language.
        (Notice, NoticeIsError) = outcome.Refusal is { } refusal
            ? (refusal.Status == StatusCodes.Status409Conflict ? "Jobs.NotInError" : "Jobs.NotFound", true)
            : (success, false);
        return RedirectToPage();
    }

    public static string StateKey(string state) => state switch
    {
        "Normal" => "Jobs.State.Normal",
        "Paused" => "Jobs.State.Paused",
        "Complete" => "Jobs.State.Complete",
        "Error" => "Jobs.State.Error",
        "Blocked" => "Jobs.State.Blocked",
        "Executing" => "Jobs.State.Executing",
        "Awaiting" => "Jobs.State.Awaiting",
        _ => "Jobs.State.None",
    };

    public static string ResultKey(string result) => result switch
    {
        "Succeeded" => "Jobs.Result.Succeeded",
        "Failed" => "Jobs.Result.Failed",
        "Cancelled" => "Jobs.Result.Cancelled",
        _ => "Jobs.Result.Skipped",
    };

    /// <summary>Amsterdam time to the second: the mail job runs every half minute.</summary>
    public static string When(DateTimeOffset? at) => at?.ToString("d MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.CurrentUICulture) ?? "";
}
