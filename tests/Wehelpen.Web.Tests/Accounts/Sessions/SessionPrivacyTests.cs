using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Accounts.Sessions;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Privacy;

namespace Wehelpen.Web.Tests.Accounts.Sessions;

/// <summary>Sessions are a person's data: in their export without secrets, gone with their account, deleted after a while.</summary>
public sealed class SessionPrivacyTests
{
    [Theory, BothDatabases]
    public async Task The_export_lists_where_the_person_signed_in_without_ids_or_tokens(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings);
        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Els Export"), "Els Export");
        var (laptop, _) = await app.BrowserSignInAsync("Els Export");
        await PageForms.PostAsync(laptop, "/account/logout", []);
        var (phone, tokens) = await app.AppAsync("Els Export");

        var response = await phone.GetAsync("/api/v1/account/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var json = await new StreamReader(zip.GetEntry("sessions.json")!.Open()).ReadToEndAsync();
        var rows = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Firefox", null], rows.Select(r => r.GetProperty("browser").GetString()));
        Assert.Equal(["Windows", "Android"], rows.Select(r => r.GetProperty("system").GetString()));
        Assert.Equal("LoggedOut", rows[0].GetProperty("reason").GetString());
        Assert.All(rows, r => Assert.False(r.TryGetProperty("id", out _)));
        Assert.DoesNotContain(tokens.RefreshToken, json);
        Assert.DoesNotContain("token", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Waar u ingelogd was", await new StreamReader(zip.GetEntry("overzicht.html")!.Open()).ReadToEndAsync());
    }

    [Theory, BothDatabases]
    public async Task Erasing_the_account_deletes_its_sessions_and_its_tokens_stop_at_once(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, SessionSteps.Settings);
        var id = await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Els Export"), "Els Export");
        var (laptop, _) = await app.BrowserSignInAsync("Els Export");
        var (phone, tokens) = await app.AppAsync("Els Export");
        var (tablet, _) = await app.AppAsync("Els Export", SessionSteps.SafariOnIPhone);

        PrivacySteps.Ok(await phone.EraseAccountAsync(WehelpenApplication.Password));

        Assert.Empty(await app.SessionRowsAsync(id));
        Assert.Equal(0, await app.QueryAsync(db => db.Set<RefreshToken>().CountAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, await tablet.ProfileStatusAsync());
        Assert.False(await laptop.SignedInAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RefreshAsync(tokens.RefreshToken)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Ended_sessions_are_deleted_after_thirty_days_unused_ones_after_their_time_and_refresh_tokens_when_they_expire(DatabaseProvider provider)
    {
        var (app, clock) = await RetentionSteps.StartAsync(provider);
        await using var _app = app;
        var start = clock.Now;
        var id = await app.RegisterAsync("Rob Retentie", "nl");
        var (laptop, _) = await app.BrowserSignInAsync("Rob Retentie");
        await PageForms.PostAsync(laptop, "/account/logout", []);
        await app.AppAsync("Rob Retentie");

        clock.Now = start.AddDays(29);
        var report = await app.RetainAsync();
        Assert.Equal(0, report["sessions"]);
        Assert.Equal(1, report["refresh-tokens"]);
        Assert.Equal(2, (await app.SessionRowsAsync(id)).Count);

        clock.Now = start.AddDays(31);
        Assert.Equal(1, (await app.RetainAsync())["sessions"]);
        Assert.Equal(SessionKind.App, Assert.Single(await app.SessionRowsAsync(id)).Kind);

        clock.Now = start.AddDays(14 + 31);
        Assert.Equal(1, (await app.RetainAsync())["sessions"]);
        Assert.Empty(await app.SessionRowsAsync(id));
    }
}
