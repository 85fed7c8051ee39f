using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Tests.Privacy;

namespace Wehelpen.Web.Tests.Accounts;

/// <summary>The failed sign-ins counted against an address are the person's: in their export, and gone with their account.</summary>
public sealed class SignInFailurePrivacyTests
{
    [Theory, BothDatabases]
    public async Task Failed_sign_ins_against_a_persons_address_are_in_their_export_and_go_with_their_account(DatabaseProvider provider)
    {
        var (app, _) = await AccountSteps.ThrottledAsync(provider);
        await using var _app = app;
        await app.RegisterConfirmedAsync("jan@example.nl");
        using (var stranger = app.ApiClientFrom("203.0.113.9"))
        {
            await stranger.GuessAsync("jan@example.nl", 2);
            await stranger.GuessAsync("niemand@example.nl", 1);
        }
        using var jan = await app.LoginAsync("jan@example.nl");

        var export = await jan.GetAsync("/api/v1/account/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        using var failures = JsonDocument.Parse(zip.GetEntry("sign-in-failures.json")!.Open());
        Assert.Equal(2, failures.RootElement.GetArrayLength());
        Assert.All(failures.RootElement.EnumerateArray(), f => Assert.Equal(AccountSteps.Now, f.GetProperty("failedAt").GetDateTimeOffset()));

        Assert.Equal(HttpStatusCode.NoContent, (await jan.EraseAccountAsync(WehelpenApplication.Password)).StatusCode);
        var left = await app.QueryAsync(db => db.Set<SignInFailure>().Select(f => f.AccountHash).ToListAsync());
        Assert.Equal([SignInKeys.AccountOf("NIEMAND@EXAMPLE.NL")], left);
    }
}
