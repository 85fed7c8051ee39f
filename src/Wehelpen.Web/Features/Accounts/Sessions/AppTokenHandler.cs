using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>
/// The bearer scheme of the API (<c>IdentityConstants.BearerScheme</c>) in place of Identity's own handler
/// (docs/decisions/app-tokens.md). The access token is Identity's (a Data Protection ticket, an hour), read the
/// same way, but it counts only while its session is open. Signing in answers with an access token and an opaque
/// refresh token kept hashed on the server (<see cref="AppTokens"/>), not Identity's self-contained one, which could
/// be neither rotated nor revoked.
/// </summary>
public sealed class AppTokenHandler(IOptionsMonitor<BearerTokenOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionGate gate)
    : SignInAuthenticationHandler<BearerTokenOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // The events may take the token from elsewhere: the live hub reads ?access_token= (Features/Live).
        var received = new MessageReceivedContext(Context, Scheme, Options);
        await Options.Events.MessageReceivedAsync(received);
        if (received.Result is not null) return received.Result;

        var token = received.Token ?? BearerToken();
        if (token is null) return AuthenticateResult.NoResult();
        var ticket = Options.BearerTokenProtector.Unprotect(token);
        if (ticket?.Properties.ExpiresUtc is not { } expires) return AuthenticateResult.Fail("The token could not be read.");
        if (TimeProvider.GetUtcNow() >= expires) return AuthenticateResult.Fail("The token has expired.");
        if (!await gate.IsOpenAsync(ticket.Principal, Context.RequestAborted)) return AuthenticateResult.Fail("The session has ended.");
        return AuthenticateResult.Success(ticket);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.WWWAuthenticate, "Bearer");
        return base.HandleChallengeAsync(properties);
    }

    /// <summary>Writes the tokens as the response, as Identity's handler does: <c>{tokenType, accessToken, expiresIn, refreshToken}</c>.</summary>
    protected override async Task HandleSignInAsync(ClaimsPrincipal user, AuthenticationProperties? properties)
    {
        var session = user.SessionId() ?? throw new InvalidOperationException("An app signs in only with a session (RecordingSignInManager).");
        properties ??= new AuthenticationProperties();
        properties.ExpiresUtc = TimeProvider.GetUtcNow() + Options.BearerTokenExpiration;
        var tokens = Context.RequestServices.GetRequiredService<AppTokens>();
        var response = new AccessTokenResponse
        {
            AccessToken = Options.BearerTokenProtector.Protect(new AuthenticationTicket(user, properties, $"{Scheme.Name}:AccessToken")),
            ExpiresIn = (long)Options.BearerTokenExpiration.TotalSeconds,
            RefreshToken = await tokens.IssueAsync(session, Options.RefreshTokenExpiration, Context.RequestAborted),
        };
        await Context.Response.WriteAsJsonAsync(response);
    }

    // Nothing to clear on the client: an app's logout ends its session (SessionsApi).
    protected override Task HandleSignOutAsync(AuthenticationProperties? properties) => Task.CompletedTask;

    private string? BearerToken()
    {
        var authorization = Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
    }
}
