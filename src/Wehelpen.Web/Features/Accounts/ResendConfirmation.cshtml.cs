using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Accounts;

[EnableRateLimiting(AccountRateLimits.PasswordReset)]
public sealed class ResendConfirmationModel(AccountEmails emails, IStringLocalizer<SharedResource> text) : EmailRequestPage(text)
{
    protected override Task SendAsync(string email, CancellationToken ct) => emails.RequestConfirmationAsync(email, ct);
}
