using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Neighbourhoods.Figures;

/// <summary>Figures for professionals of their approved gebieden and for admins; refused to anyone else, figures unseen.</summary>
public sealed class FigureAccessTests
{
    [Theory, BothDatabases]
    public async Task A_Noord_professional_sees_Noord_only_and_others_see_nothing(DatabaseProvider provider)
    {
        var (app, clock) = await FigureSteps.StartAsync(provider);
        await using var _ = app;
        await FigureSteps.SeedAsync(app, clock);
        var noord = await app.ProfessionalAsync("Nora Noord", ["oud-noord"], pending: ["de-pijp-rivierenbuurt"]);
        var waiting = await app.ProfessionalAsync("Wim Geduld", [], pending: ["oud-noord"]);
        var (resident, _) = await app.PersonAsync("Rita Bewoner", "resident");

        // The API: only Oud-Noord; De Pijp (asked for, not approved) reads like a gebied that does not exist.
        var mine = await noord.FiguresAsync("?weeks=4");
        Assert.Equal(["oud-noord"], mine.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Equal(12, mine.GetProperty("total").Value("asked"));
        Assert.Equal(7, (await noord.FiguresAsync("?weeks=4&area=oud-noord")).Area("oud-noord").Week("2026-W47").Value("asked"));
        var zuid = await ProblemAssert.IsProblemAsync(await noord.GetAsync("/api/v1/figures?weeks=4&area=de-pijp-rivierenbuurt"), HttpStatusCode.NotFound);
        var nowhere = await noord.GetAsync("/api/v1/figures?weeks=4&area=nergens");
        await ProblemAssert.IsProblemAsync(nowhere, HttpStatusCode.NotFound);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(await noord.GetAsync("/api/v1/figures?weeks=4&area=de-pijp-rivierenbuurt")), await ProblemAssert.ComparableBodyAsync(nowhere));
        Assert.Equal("Dit gebied bestaat niet, of u heeft geen toegang tot de cijfers ervan.", zuid.GetProperty("detail").GetString());

        foreach (var refused in new[] { waiting, resident })
        {
            var body = await ProblemAssert.IsProblemAsync(await refused.GetAsync("/api/v1/figures?weeks=4&area=oud-noord"), HttpStatusCode.Forbidden);
            Assert.DoesNotContain("asked", body.ToString());
            await ProblemAssert.IsProblemAsync(await refused.GetAsync("/api/v1/figures"), HttpStatusCode.Forbidden);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateApiClient().GetAsync("/api/v1/figures")).StatusCode);

        // The pages.
        using var nora = await app.BrowserAsync("Nora Noord");
        Assert.Equal(HttpStatusCode.OK, (await nora.GetAsync("/figures/oud-noord?weeks=4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nora.GetAsync("/figures/de-pijp-rivierenbuurt?weeks=4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nora.GetAsync("/figures/nergens")).StatusCode);
        var overview = await nora.GetStringAsync("/figures?weeks=4");
        Assert.Contains("href=\"/figures/oud-noord?weeks=4\"", overview);
        Assert.DoesNotContain("href=\"/figures/de-pijp-rivierenbuurt", overview);
        var csv = Encoding.UTF8.GetString(await nora.GetByteArrayAsync("/figures/export.csv?weeks=4"));
        Assert.DoesNotContain("de-pijp", csv);

        foreach (var name in new[] { "Wim Geduld", "Rita Bewoner" })
        {
            using var browser = await app.BrowserAsync(name);
            foreach (var path in new[] { "/figures", "/figures/oud-noord" })
            {
                var page = await browser.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
                Assert.Contains("/account/access-denied", page.Headers.Location!.ToString());
            }
            await ProblemAssert.IsProblemAsync(await browser.GetAsync("/figures/export.csv"), HttpStatusCode.Forbidden);
        }

        // An admin sees every gebied, Zuid's too.
        var admin = await app.AdminAsync();
        Assert.Equal(8, (await admin.FiguresAsync("?weeks=4&area=de-pijp-rivierenbuurt")).Area("de-pijp-rivierenbuurt").Week("2026-W47").Value("asked"));
    }

    [Theory, BothDatabases]
    public async Task The_csv_has_every_figure_per_gebied_and_week_for_Dutch_Excel(DatabaseProvider provider)
    {
        var (app, clock) = await FigureSteps.StartAsync(provider);
        await using var _ = app;
        await FigureSteps.SeedAsync(app, clock);
        await app.ProfessionalAsync("Nora Noord", ["oud-noord", "noord-west"]);
        using var nora = await app.BrowserAsync("Nora Noord");

        var response = await nora.GetAsync("/figures/export.csv?weeks=4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("wehelpen-cijfers-2026-11-25.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("gebied_code;gebied;stadsdeel;week;maandag;Hulpvragen gesteld;Opgepakt;Binnen 24 uur opgepakt (%);Mediane tijd tot oppakken (uren);Bevestigde hulp;Actieve vrijwilligers;Hulpvragen per week per actieve vrijwilliger", lines[0]);
        // 2 gebieden x 4 weeks, their periods, 4 weeks together and the period together.
        Assert.Equal(1 + 8 + 2 + 4 + 1, lines.Length);
        Assert.All(lines, l => Assert.Equal(12, l.Split(';').Length));
        // 3 of 7 and 3 of 12 claimed within a day: the share would give the 3 away, so it is hidden ("x").
        Assert.Contains("oud-noord;Oud-Noord;Noord;2026-W47;2026-11-16;7;5;x;10,0;5;7;1,00", lines);
        Assert.Contains("oud-noord;Oud-Noord;Noord;2026-11-02 t/m 2026-11-29;;12;5;x;10,0;5;7;0,43", lines);
    }

    [Theory, BothDatabases]
    public async Task The_pages_draw_accessible_charts_and_a_map_with_the_table_behind_them(DatabaseProvider provider)
    {
        var (app, clock) = await FigureSteps.StartAsync(provider);
        await using var _ = app;
        await FigureSteps.SeedAsync(app, clock);
        await app.ProfessionalAsync("Nora Noord", ["oud-noord", "noord-west", "noord-oost"]);
        using var nora = await app.BrowserAsync("Nora Noord");

        var overview = await nora.GetStringAsync("/figures?weeks=4&figure=asked");
        var map = Regex.Match(overview, "<svg class=\"figure-map\".*?</svg>", RegexOptions.Singleline).Value;
        // A group, not an img: an img's parts are hidden from screen readers, and the map's gebieden are links.
        Assert.Contains("role=\"group\"", map);
        Assert.Contains("aria-labelledby=\"figure-map-title figure-map-desc\"", map);
        Assert.Matches("<title id=\"figure-map-title\">[^<]+</title><desc id=\"figure-map-desc\">[^<]+</desc>", map);
        Assert.Contains("<a href=\"/figures/oud-noord?weeks=4\" class=\"map-area\"><title>18 Oud-Noord: 12</title>", map);
        Assert.Equal(3, Regex.Matches(map, "class=\"map-area\"").Count);
        Assert.Equal(20, Regex.Matches(map, "class=\"map-other\"").Count);
        Assert.Contains("<title>10 Oud-Zuid: niet uw gebied</title>", map);
        // The table's name stands above its scrolling region (a caption would scroll off a phone with a wide table).
        Assert.Contains("<p class=\"table-caption\" id=\"areas-caption\">", overview);
        Assert.Contains("<table class=\"data-table figure-table\" aria-labelledby=\"areas-caption\">", overview);

        var area = await nora.GetStringAsync("/figures/oud-noord?weeks=4");
        var charts = Regex.Matches(area, "<svg class=\"chart\".*?</svg>", RegexOptions.Singleline);
        Assert.Equal(7, charts.Count);
        foreach (Match chart in charts)
        {
            Assert.Contains("role=\"img\"", chart.Value);
            Assert.Matches("<title id=\"chart-[a-z0-9-]+-title\">[^<]+</title><desc id=\"chart-[a-z0-9-]+-desc\">[^<]+</desc>", chart.Value);
        }
        Assert.Contains("Staafdiagram van Hulpvragen gesteld per week in Oud-Noord, van week 2026-W45 tot en met 2026-W48. Laatste week: 5. Hoogste: 7 in week 2026-W47.", area);
        Assert.Matches("<caption id=\"[a-z0-9-]+-caption\">Hulpvragen gesteld per week, Oud-Noord</caption>.*?<th scope=\"row\">2026-W47</th><td class=\"num\">7</td>", Regex.Replace(area, @"\s+", " "));
        Assert.Contains("<th scope=\"col\" class=\"num\">Mediane tijd tot oppakken</th>", area);
    }
}
