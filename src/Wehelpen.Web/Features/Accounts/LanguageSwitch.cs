using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Wehelpen.Web.Data;
using Wehelpen.Web.Localization;

namespace Wehelpen.Web.Features.Accounts;

internal static class LanguageSwitch
{
    /// <summary>
    /// POST /language from the switch in every page's header: remembered in a cookie, and for a signed-in person
    /// also on their account, so emails come in the same language.
    /// </summary>
    public static void MapLanguageSwitch(this WebApplication app) =>
        app.MapPost("/language", async ([FromForm] string language, [FromForm] string? returnUrl, HttpContext context,
            UserManager<ApplicationUser> users, TimeProvider clock) =>
        {
            var chosen = LocalizationExtensions.Normalise(language);
            context.Response.SetLanguageCookie(chosen, clock.GetUtcNow());
            if (context.User.Identity?.IsAuthenticated == true
                && await users.FindByIdAsync(context.User.FindFirstValue(ClaimTypes.NameIdentifier)!) is { } user
                && user.PreferredLanguage != chosen)
            {
                user.PreferredLanguage = chosen;
                await users.UpdateAsync(user);
            }
            var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
                && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl : "/";
            return TypedResults.LocalRedirect(target);
        }).ExcludeFromDescription();
}
