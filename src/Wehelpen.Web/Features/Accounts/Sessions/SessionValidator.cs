using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>
/// Checks the login cookie on every request: its session must be open (<see cref="SessionGate"/>), or the cookie is
/// refused and removed and the person sees the login page. Then Identity's security stamp check, every half hour; when
/// that renews the cookie, the session's id goes into the new one too.
/// </summary>
public sealed class SessionValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<ApplicationUser> signIn, ILoggerFactory logger, SessionGate gate)
    : SecurityStampValidator<ApplicationUser>(options, signIn, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null || !await gate.IsOpenAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await base.ValidateAsync(context);
    }

    protected override async Task SecurityStampVerified(ApplicationUser user, CookieValidatePrincipalContext context)
    {
        var session = context.Principal?.FindFirst(SessionClaims.Type);
        await base.SecurityStampVerified(user, context);
        if (session is not null && context.Principal?.Identity is ClaimsIdentity renewed && !renewed.HasClaim(c => c.Type == SessionClaims.Type))
            renewed.AddClaim(new Claim(session.Type, session.Value));
    }
}
