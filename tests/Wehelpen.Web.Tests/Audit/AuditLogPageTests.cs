using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Platform.Audit;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Tests.Offers;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Audit;

/// <summary>/admin/audit and its API: newest first, a page at a time, filtered by action and person; administrators only.</summary>
public sealed class AuditLogPageTests
{
    private const string Page = "/admin/audit";

    [Theory, BothDatabases]
    public async Task The_admin_pages_through_the_log_newest_first_and_filters_it_by_action_and_by_person(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (_, adaId) = await app.PersonAsync("Ada Beheer");
        var admin = await app.AdministratorAsync("Ada Beheer");
        var (_, petraId) = await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        // 120 entries, three at each moment, so that pages also end in the middle of one moment.
        var start = clock.GetUtcNow().AddDays(-10);
        await app.SeedAsync(Enumerable.Range(0, 120).Select(i => new AuditEntry
        {
            ActorId = i % 2 == 0 ? adaId : petraId,
            Action = i % 4 == 0 ? AuditActions.ReportHandle : AuditActions.SocialMapEdit,
            TargetKind = i % 4 == 0 ? AuditTargets.Report : AuditTargets.Organisation,
            TargetId = Guid.CreateVersion7().ToString(),
            At = start.AddMinutes(i / 3),
            ClientAddress = "203.0.113.7",
        }));
        var expected = await app.QueryAsync(db => db.Set<AuditEntry>().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync());

        // Everything, page by page: 50, 50, 20, each entry once, newest first.
        var seen = new List<JsonElement>();
        var sizes = new List<int>();
        string? query = "";
        while (query is not null)
        {
            var page = await admin.AuditPageAsync(query);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            sizes.Add(items.Count);
            seen.AddRange(items);
            query = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : $"?before={page.GetProperty("next").GetInt64()}";
        }
        Assert.Equal([50, 50, 20], sizes);
        Assert.Equal(expected.Select(e => e.Id), seen.Select(e => e.GetProperty("id").GetInt64()));
        var newest = seen[0];
        Assert.Equal("Ada Beheer", seen.First(e => e.GetProperty("actorId").GetString() == adaId).GetProperty("actorName").GetString());
        Assert.Equal("Organisatie op de sociale kaart gewijzigd", newest.GetProperty("actionLabel").GetString());
        Assert.Equal("203.0.113.7", newest.GetProperty("clientAddress").GetString());

        // By action, by person, and both; paging keeps the filter.
        var handled = await admin.AuditPageAsync($"?action={AuditActions.ReportHandle}");
        Assert.Equal(30, handled.GetProperty("items").GetArrayLength());
        Assert.All(handled.GetProperty("items").EnumerateArray(), e => Assert.Equal("Melding afgehandeld", e.GetProperty("actionLabel").GetString()));
        var petras = await admin.AuditPageAsync($"?actor={petraId}");
        Assert.All(petras.GetProperty("items").EnumerateArray(), e => Assert.Equal("Petra West", e.GetProperty("actorName").GetString()));
        var rest = await admin.AuditPageAsync($"?actor={petraId}&before={petras.GetProperty("next").GetInt64()}");
        Assert.Equal(60, petras.GetProperty("items").GetArrayLength() + rest.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("next").ValueKind);
        Assert.Empty((await admin.AuditPageAsync($"?action={AuditActions.ReportHandle}&actor={petraId}")).GetProperty("items").EnumerateArray());
        Assert.Empty((await admin.AuditPageAsync("?before=987654321")).GetProperty("items").EnumerateArray());
        Assert.Contains("Deze handeling kent het beheerlog niet.", await ProblemAssert.FieldErrorsAsync(await admin.GetAsync($"{AuditSteps.Api}?action=drop-table"), "action"));

        // The page: a table with a caption and headers, names and actions in words, the filters, and "older" with the filter kept.
        var browser = await app.BrowserAsync("Ada Beheer", followRedirects: true);
        var html = await browser.PageAsync(Page);
        Assert.Contains("<h1>Beheerlog</h1>", html);
        Assert.Contains("<caption id=\"audit-caption\">Beheerhandelingen, nieuwste eerst</caption>", html);
        Assert.Contains("<th scope=\"col\">Wanneer</th>", html);
        Assert.Contains("<th scope=\"row\"><time", html);
        Assert.Contains("<td>Petra West</td>", html);
        Assert.Contains("<option value=\"report.handle\">Melding afgehandeld</option>", html);
        Assert.Contains($"<option value=\"{petraId}\">Petra West</option>", html);
        Assert.Contains("<option value=\"former-member\">Voormalig lid</option>", html);
        Assert.Contains("href=\"/admin/audit\">Beheerlog</a>", html);
        var filtered = await browser.PageAsync($"{Page}?action=report.handle&actor={adaId}");
        Assert.Contains($"<option value=\"report.handle\" selected=\"selected\">Melding afgehandeld</option>", filtered);
        Assert.DoesNotContain("<td>Petra West</td>", filtered);
        Assert.DoesNotContain("Organisatie op de sociale kaart gewijzigd</td>", filtered);
        var older = System.Text.RegularExpressions.Regex.Match(html, "<a href=\"(/admin/audit\\?before=\\d+)\">Oudere</a>");
        Assert.True(older.Success, "no link to older entries");
        Assert.Contains("Oudere beheerhandelingen, nieuwste eerst", await browser.PageAsync(older.Groups[1].Value));
        Assert.Contains("Deze handeling kent het beheerlog niet.", await browser.PageAsync($"{Page}?action=drop-table"));
    }

    [Theory, BothDatabases]
    public async Task Others_than_administrators_are_refused_page_and_api_and_see_no_link(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (volunteer, _) = await app.PersonAsync("Vera Vrijwilliger", "volunteer");
        var (professional, _) = await app.PersonAsync("Petra West", "professional");
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await ProblemAssert.IsProblemAsync(await volunteer.GetAsync(AuditSteps.Api), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await professional.GetAsync($"{AuditSteps.Api}?action=report.handle"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(AuditSteps.Api)).StatusCode);

        var page = await (await app.BrowserAsync("Petra West")).GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/access-denied", page.Headers.Location!.AbsolutePath);
        var anonymousPage = await anonymous.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, anonymousPage.StatusCode);
        Assert.StartsWith("/account/login", anonymousPage.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("/admin/audit", await (await app.BrowserAsync("Petra West", followRedirects: true)).PageAsync("/"));
    }
}
