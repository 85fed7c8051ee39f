using System.Security.Claims;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>The session's id as it travels in the login cookie and in the app's access token.</summary>
public static class SessionClaims
{
    public const string Type = "wehelpen:session";

    public static Claim For(Guid sessionId) => new(Type, sessionId.ToString("D"));

    public static Guid? SessionId(this ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(Type), out var id) ? id : null;
}
