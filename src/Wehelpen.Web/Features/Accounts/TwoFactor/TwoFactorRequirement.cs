using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

/// <summary>
/// Buurtteam professionals and administrators see many people's data, so they must sign in in two steps. Until they
/// have set it up, they get only the set-up itself and what no one may be kept from (signing out, their privacy, the
/// language): pages send them to the set-up page, the API and the hub answer 403 with reason two_factor_setup_required.
/// </summary>
public static class TwoFactorRequirement
{
    public const string SetupPath = "/account/two-step";
    public const string ApiPath = "/api/v1/account/two-factor";

    private const string HeldKey = "wehelpen.two-factor-held";

    /// <summary>What a person who is held may still reach (prefixes; each covers the paths below it).</summary>
    private static readonly string[] Open =
    [
        SetupPath, "/account/login", "/account/logout", "/account/privacy", "/account/access-denied", "/privacy",
        "/language", "/error",
        ApiPath, "/api/v1/account/login", "/api/v1/account/refresh", "/api/v1/account/logout",
    ];

    public static bool AppliesTo(ClaimsPrincipal user) => user.IsInRole(Roles.Professional) || user.IsInRole(Roles.Admin);

    /// <summary>True on the pages a held person may see, so that the layout offers nothing they cannot reach.</summary>
    public static bool IsHeld(HttpContext context) => context.Items.ContainsKey(HeldKey);

    /// <summary>
    /// Runs after authorization, so that a bearer token's person is known too (the API's policy authenticates it),
    /// and before every endpoint.
    /// </summary>
    public static async Task GateAsync(HttpContext context, RequestDelegate next)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !AppliesTo(user) || await HasTwoFactorAsync(context, user))
        {
            await next(context);
            return;
        }
        context.Items[HeldKey] = true;
        var path = context.Request.Path;
        if (Open.Any(open => path.StartsWithSegments(open)))
            await next(context);
        else if (context.Request.IsProgramRequest())
            await RefuseAsync(context);
        else
            context.Response.Redirect($"{SetupPath}?returnUrl={Uri.EscapeDataString(path + context.Request.QueryString)}");
    }

    private static async Task<bool> HasTwoFactorAsync(HttpContext context, ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var db = context.RequestServices.GetRequiredService<WehelpenDbContext>();
        return await db.Users.AnyAsync(u => u.Id == id && u.TwoFactorEnabled, context.RequestAborted);
    }

    private static async Task RefuseAsync(HttpContext context)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await TypedResults.Problem(text["TwoStep.SetupRequired.Api"], statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["reason"] = "two_factor_setup_required" }).ExecuteAsync(context);
    }
}
