using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Accounts;

[EnableRateLimiting(AccountRateLimits.PasswordReset)]
public sealed class ForgotPasswordModel(AccountEmails emails, IStringLocalizer<SharedResource> text) : EmailRequestPage(text)
{
    protected override Task SendAsync(string email, CancellationToken ct) => emails.RequestPasswordResetAsync(email, ct);
}
