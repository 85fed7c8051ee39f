using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wehelpen.Web.Features.Accounts.Sessions;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Hosting;
using Wehelpen.Web.Tests.Privacy;

namespace Wehelpen.Web.Tests.Accounts.Sessions;

/// <summary>Refresh tokens live on the server, hashed; each works once, and a second use ends the whole session.</summary>
public sealed class RefreshTokenTests
{
    [Theory, BothDatabases]
    public async Task A_refresh_token_works_once_and_using_it_again_ends_the_session_and_is_logged_with_ids_only(DatabaseProvider provider)
    {
        var logs = new LogCapture();
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings, s => s.AddSingleton<ILoggerProvider>(logs));
        var userId = await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Ria Refresh"), "Ria Refresh");
        var (_, first) = await app.AppAsync("Ria Refresh");

        var refreshed = await app.RefreshAsync(first.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = await SessionSteps.TokensAsync(refreshed);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        using var phone = app.CreateApiClient();
        phone.DefaultRequestHeaders.Authorization = new("Bearer", second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, await phone.ProfileStatusAsync());

        // Someone replays the first refresh token: refused, and the whole family goes, the good new tokens too.
        await ProblemAssert.IsProblemAsync(await app.RefreshAsync(first.RefreshToken), HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RefreshAsync(second.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await phone.ProfileStatusAsync());
        var session = Assert.Single(await app.SessionRowsAsync(userId));
        Assert.Equal(SessionEnd.RefreshTokenReused, session.EndReason);
        var warning = Assert.Single(logs.Records, r => r.Level == LogLevel.Warning && r.Category.EndsWith(nameof(AppTokens), StringComparison.Ordinal));
        Assert.Contains(session.Id.ToString(), warning.Text);
        Assert.Contains(userId, warning.Text);
        Assert.DoesNotContain(first.RefreshToken, warning.Text);
        Assert.DoesNotContain("ria.refresh", warning.Text);
    }

    [Theory, BothDatabases]
    public async Task The_database_holds_refresh_tokens_only_as_their_hash(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings);
        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Ria Refresh"), "Ria Refresh");
        var (_, tokens) = await app.AppAsync("Ria Refresh");

        var stored = await app.QueryAsync(db => db.Set<RefreshToken>().Select(t => t.TokenHash).ToListAsync());

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tokens.RefreshToken))), Assert.Single(stored));
        Assert.Empty(await app.FindInDatabaseAsync([tokens.RefreshToken]));
    }

    [Theory, BothDatabases]
    public async Task A_refresh_token_of_the_old_kind_or_an_expired_one_is_refused(DatabaseProvider provider)
    {
        var clock = SessionSteps.Clock();
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings, s => s.AddSingleton<TimeProvider>(clock));
        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Ria Refresh"), "Ria Refresh");
        var (_, tokens) = await app.AppAsync("Ria Refresh");

        clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RefreshAsync(tokens.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RefreshAsync("CfDJ8" + new string('A', 300))).StatusCode);
    }
}
