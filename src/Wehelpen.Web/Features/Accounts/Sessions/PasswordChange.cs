using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Accounts.Sessions;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>
/// A new password, chosen with the current one: every other session of the person ends (each device signs in again
/// with the new password), the one it was changed on stays. The page and the API share it.
/// </summary>
public sealed class PasswordChange(UserManager<ApplicationUser> users, SessionStore sessions, IStringLocalizer<SharedResource> text)
{
    public async Task<Outcome<ApplicationUser>> ChangeAsync(string userId, Guid? currentSession, ChangePasswordRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request.CurrentPassword)) errors.Add("currentPassword", text["Validation.PasswordRequired"]);
        if (string.IsNullOrEmpty(request.NewPassword)) errors.Add("newPassword", text["Validation.PasswordRequired"]);
        if (errors.Any) return errors;
        if (await users.FindByIdAsync(userId) is not { } user) return Refusal.NotFound(text["Problem.NotFound"]);

        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        foreach (var error in result.Errors)
        {
            if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) errors.Add("currentPassword", text["Password.CurrentWrong"]);
            else errors.Add("newPassword", error.Description);
        }
        if (errors.Any) return errors;
        await sessions.EndAllAsync(userId, SessionEnd.PasswordChanged, except: currentSession, ct);
        return user;
    }
}
