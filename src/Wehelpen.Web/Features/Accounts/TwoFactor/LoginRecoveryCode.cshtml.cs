using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

/// <summary>/account/login/recovery-code: the second step without the phone, with one of the recovery codes.</summary>
[EnableRateLimiting(TwoFactorExtensions.SecondStep)]
public sealed class LoginRecoveryCodeModel(TwoFactorSignIn twoStep, IDemoSignIn demo, TimeProvider clock) : SecondStepPage(twoStep, demo, clock)
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? RecoveryCode { get; set; }
    }

    public async Task<IActionResult> OnPostAsync() =>
        await AfterAsync(await TwoStep.WithRecoveryCodeAsync(Input.RecoveryCode), "Input.RecoveryCode");

    /// <summary>To the settings, which say how many codes are left: whoever uses one has likely lost their phone.</summary>
    protected override string Next(ApplicationUser user) =>
        $"{TwoFactorRequirement.SetupPath}?recoveryCodeUsed=true&returnUrl={Uri.EscapeDataString(Continue)}";
}
