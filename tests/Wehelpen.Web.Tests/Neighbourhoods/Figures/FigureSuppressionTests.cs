using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Neighbourhoods.Figures;

/// <summary>Counts from 1 to 4 never leave the app; nor can one be worked back from a total.</summary>
public sealed class FigureSuppressionTests
{
    private static readonly string[] Counts = ["asked", "claimed", "confirmedHelp", "activeVolunteers"];

    [Theory, BothDatabases]
    public async Task Small_counts_show_as_below_5_and_the_cell_that_would_give_them_away_is_hidden_too(DatabaseProvider provider)
    {
        var (app, clock) = await FigureSteps.StartAsync(provider);
        await using var _ = app;
        await FigureSteps.SeedAsync(app, clock, smallWeek46: true);
        var zuid = await app.ProfessionalAsync("Petra Pijp", ["de-pijp-rivierenbuurt"]);

        var report = await zuid.FiguresAsync("?weeks=4");
        var pijp = report.Area("de-pijp-rivierenbuurt");
        Assert.Null(pijp.Week("2026-W46").Value("asked"));
        Assert.Equal("small", pijp.Week("2026-W46").Suppressed("asked"));
        // 11 in the period is shown, so 8 in week 47 would give the 3 of week 46 away: hidden as well.
        Assert.Equal(11, pijp.GetProperty("total").Value("asked"));
        Assert.Null(pijp.Week("2026-W47").Value("asked"));
        Assert.Equal("secondary", pijp.Week("2026-W47").Suppressed("asked"));
        Assert.Equal("secondary", pijp.Week("2026-W47").Suppressed("claimedWithin24Hours"));

        // Nowhere, for nobody, a count from 1 to 4: not in the API of an admin, who sees every gebied.
        var admin = await app.AdminAsync();
        var all = await admin.FiguresAsync("?weeks=4");
        var sets = all.GetProperty("areas").EnumerateArray()
            .SelectMany(a => a.GetProperty("weeks").EnumerateArray().Select(w => w.GetProperty("figures")).Append(a.GetProperty("total")))
            .Concat(all.GetProperty("totalWeeks").EnumerateArray().Select(w => w.GetProperty("figures")))
            .Append(all.GetProperty("total"))
            .Concat(all.GetProperty("stadsdelen").EnumerateArray().Select(s => s.GetProperty("total")));
        foreach (var set in sets)
        {
            foreach (var count in Counts)
                Assert.False(set.Value(count) is > 0 and < 5, $"{count} = {set.Value(count)} in {set}");
            // Nor worked back from a share: the share claimed within a day times the number asked.
            if (set.Value("asked") is { } asked && set.Value("claimedWithin24Hours") is { } share)
            {
                var within = (int)Math.Round(share * asked);
                Assert.False(within is > 0 and < 5 || asked - within is > 0 and < 5, $"{share} of {asked} in {set}");
            }
        }

        // Nor in the CSV: the week-46 row says "<5", the week-47 row "x".
        using var browser = await app.BrowserAsync("Petra Pijp");
        var csv = Encoding.UTF8.GetString(await browser.GetByteArrayAsync("/figures/export.csv?weeks=4"));
        var rows = csv.Split("\r\n");
        Assert.StartsWith("de-pijp-rivierenbuurt;De Pijp/Rivierenbuurt;Zuid;2026-W46;2026-11-09;<5;0;", rows.Single(r => r.Contains(";2026-W46;") && r.StartsWith("de-pijp")));
        Assert.StartsWith("de-pijp-rivierenbuurt;De Pijp/Rivierenbuurt;Zuid;2026-W47;2026-11-16;x;0;x;", rows.Single(r => r.Contains(";2026-W47;") && r.StartsWith("de-pijp")));
        Assert.DoesNotContain(rows.SelectMany(r => r.Split(';').Skip(5)), f => f is "1" or "2" or "3" or "4");

        // Nor on the page: the table and the chart's labels say "< 5" and "×".
        var page = await browser.GetStringAsync("/figures/de-pijp-rivierenbuurt?weeks=4");
        var askedChart = Regex.Match(page, "<svg class=\"chart\"[^>]*aria-labelledby=\"chart-asked-title.*?</svg>", RegexOptions.Singleline).Value;
        Assert.Contains("&lt; 5", askedChart);
        Assert.True(askedChart.Contains("×") || askedChart.Contains("&#215;"), "the hidden week 47 is marked ×");
        Assert.Contains("url(#chart-asked-hatch)", askedChart);
        Assert.DoesNotMatch(">[1-4]</text>", Regex.Replace(askedChart, "class=\"chart-axis\"[^>]*>[^<]*<", ""));
        var weekRow = Regex.Match(page, "<th scope=\"row\">2026-W46</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains(">&lt; 5<", weekRow);
    }
}
