using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

/// <summary>/account/login/two-step: after the password, the 6-digit code from the authenticator app.</summary>
[EnableRateLimiting(TwoFactorExtensions.SecondStep)]
public sealed class LoginCodeModel(TwoFactorSignIn twoStep, IDemoSignIn demo, TimeProvider clock) : SecondStepPage(twoStep, demo, clock)
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Code { get; set; }
        public bool RememberDevice { get; set; }
    }

    public async Task<IActionResult> OnPostAsync() =>
        await AfterAsync(await TwoStep.WithCodeAsync(Input.Code, RememberMe, Input.RememberDevice), "Input.Code");
}
