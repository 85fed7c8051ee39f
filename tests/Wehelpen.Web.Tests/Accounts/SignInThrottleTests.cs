using System.Net;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Tests.Privacy;

namespace Wehelpen.Web.Tests.Accounts;

/// <summary>
/// Guessing is slowed per address and client network, with a higher cap per address from everywhere; Identity's
/// lockout, which let anyone lock a resident out with five wrong passwords, no longer applies to the password.
/// </summary>
public sealed class SignInThrottleTests
{
    private const string Stranger = "203.0.113.9";
    private const string Home = "198.51.100.20";

    [Theory, BothDatabases]
    public async Task A_stranger_guessing_from_another_network_does_not_keep_the_owner_out(DatabaseProvider provider)
    {
        var (app, clock) = await AccountSteps.ThrottledAsync(provider);
        await using var _ = app;
        await app.RegisterConfirmedAsync("jan@example.nl");
        using var stranger = app.ApiClientFrom(Stranger);
        using var jan = app.ApiClientFrom(Home);

        await stranger.GuessAsync("jan@example.nl", 10);
        var eleventh = await stranger.LoginAsync("jan@example.nl"); // even the right password: nothing is checked now
        var own = await jan.LoginAsync("jan@example.nl");

        var problem = await ProblemAssert.IsProblemAsync(eleventh, HttpStatusCode.TooManyRequests);
        Assert.Equal("Even geduld", problem.GetProperty("title").GetString());
        Assert.Contains("Probeer het over 15 minuten opnieuw", problem.GetProperty("detail").GetString());
        Assert.Equal("throttled", problem.GetProperty("reason").GetString());
        Assert.Equal(TimeSpan.FromMinutes(15), eleventh.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.LoginAsync("jan@example.nl", "weer een gok")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Throttling_answers_an_address_without_an_account_exactly_as_one_with(DatabaseProvider provider)
    {
        var (app, clock) = await AccountSteps.ThrottledAsync(provider);
        await using var _ = app;
        await app.RegisterConfirmedAsync("jan@example.nl");
        using var stranger = app.ApiClientFrom(Stranger);
        await stranger.GuessAsync("jan@example.nl", 10);
        await stranger.GuessAsync("niemand@example.nl", 10);

        var known = await stranger.LoginAsync("jan@example.nl", "nog een gok");
        var unknown = await stranger.LoginAsync("niemand@example.nl", "nog een gok");

        await ProblemAssert.IsProblemAsync(known, HttpStatusCode.TooManyRequests);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.TooManyRequests);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(known), await ProblemAssert.ComparableBodyAsync(unknown));
        Assert.Equal(known.Headers.RetryAfter?.Delta, unknown.Headers.RetryAfter?.Delta);
    }

    [Theory, BothDatabases]
    public async Task The_cap_per_address_counts_every_network_and_a_new_password_through_the_mail_lifts_it(DatabaseProvider provider)
    {
        var (app, clock) = await AccountSteps.ThrottledAsync(provider, new() { ["RateLimits:SignInFailuresPerAccount"] = "3" });
        await using var _ = app;
        await app.RegisterConfirmedAsync("jan@example.nl");
        foreach (var network in new[] { "203.0.113.1", "203.0.113.2", "2001:db8:1:2::7" })
        {
            using var guesser = app.ApiClientFrom(network);
            await guesser.GuessAsync("jan@example.nl", 1);
        }
        using var jan = app.ApiClientFrom(Home);

        var capped = await jan.LoginAsync("jan@example.nl");
        await ProblemAssert.IsProblemAsync(capped, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(60), capped.Headers.RetryAfter?.Delta);

        await app.ResetPasswordAsync("jan@example.nl", "een heel nieuwe zin");
        Assert.Equal(HttpStatusCode.OK, (await jan.LoginAsync("jan@example.nl", "een heel nieuwe zin")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Addresses_in_one_IPv6_network_count_as_one_client(DatabaseProvider provider)
    {
        var (app, _) = await AccountSteps.ThrottledAsync(provider, new() { ["RateLimits:SignInFailuresPerClient"] = "2" });
        await using var _app = app;
        using (var first = app.ApiClientFrom("2001:db8:aa:bb::1")) await first.GuessAsync("jan@example.nl", 1);
        using (var second = app.ApiClientFrom("2001:db8:aa:bb:ffff::2")) await second.GuessAsync("jan@example.nl", 1);
        using var third = app.ApiClientFrom("2001:db8:aa:bb:1234::3");
        using var elsewhere = app.ApiClientFrom("2001:db8:aa:cc::1");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await third.LoginAsync("jan@example.nl", "gok")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.LoginAsync("jan@example.nl", "gok")).StatusCode);
    }

    [Fact]
    public async Task Failures_on_two_nodes_add_up()
    {
        var (a, _) = await AccountSteps.ThrottledAsync(DatabaseProvider.Postgres);
        await using var _a = a;
        await using var b = a.AnotherNode();
        await a.RegisterConfirmedAsync("jan@example.nl");
        using var onA = a.ApiClientFrom(Stranger);
        using var onB = b.ApiClientFrom(Stranger);

        await onA.GuessAsync("jan@example.nl", 5);
        await onB.GuessAsync("jan@example.nl", 5);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await onA.LoginAsync("jan@example.nl", "gok")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await onB.LoginAsync("jan@example.nl", "gok")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Failures_are_kept_hashed_and_only_as_long_as_a_window_counts_them(DatabaseProvider provider)
    {
        var (app, clock) = await AccountSteps.ThrottledAsync(provider);
        await using var _ = app;
        using var stranger = app.ApiClientFrom(Stranger);
        await stranger.GuessAsync("jan@example.nl", 3);

        var rows = await app.QueryAsync(db => db.Set<SignInFailure>().ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.DoesNotContain("jan", r.AccountHash + r.ClientHash, StringComparison.OrdinalIgnoreCase));
        Assert.All(rows, r => Assert.DoesNotContain(Stranger, r.AccountHash + r.ClientHash));

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, (await app.RetainAsync())["sign-in-failures"]);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(3, (await app.RetainAsync())["sign-in-failures"]);
        Assert.Equal(0, await app.QueryAsync(db => db.Set<SignInFailure>().CountAsync()));
    }
}
