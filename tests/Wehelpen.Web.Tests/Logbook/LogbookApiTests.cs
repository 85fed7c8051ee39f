using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Logbook;

public sealed class LogbookApiTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory, BothDatabases]
    public async Task Entries_come_newest_first_with_author_and_date_a_page_at_a_time(DatabaseProvider provider)
    {
        var clock = new TestClock(Monday);
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var c = await app.TwoCirclesAsync();
        for (var day = 1; day <= 23; day++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var writer = day % 2 == 0 ? c.Coordinator : c.Member;
            var response = await writer.PostAsJsonAsync($"/api/v1/circles/{c.CircleId}/logbook",
                new { occurredOn = $"2026-11-{day:00}", text = $"Dag {day}", wellbeing = day == 23 ? "good" : null });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        clock.Advance(TimeSpan.FromMinutes(1));
        // Written today about yesterday: still sorted by the day it is about.
        await c.Member.PostAsJsonAsync($"/api/v1/circles/{c.CircleId}/logbook", new { occurredOn = "2026-11-22", text = "Nagekomen over zondag" });

        var first = await c.Member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/logbook");
        var second = await c.Member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/logbook?page=2");

        Assert.Equal(24, first.GetProperty("total").GetInt32());
        var texts = first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToList();
        Assert.Equal(20, texts.Count);
        Assert.Equal(["Dag 23", "Nagekomen over zondag", "Dag 22", "Dag 21"], texts.Take(4));
        var newest = first.GetProperty("items")[0];
        Assert.Equal("Mo Lid", newest.GetProperty("authorName").GetString());
        Assert.Equal("good", newest.GetProperty("wellbeing").GetString());
        Assert.Equal(["Dag 4", "Dag 3", "Dag 2", "Dag 1"], second.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("text").GetString()!));
    }

    [Theory, BothDatabases]
    public async Task An_author_corrects_an_entry_and_the_earlier_text_stays_visible(DatabaseProvider provider)
    {
        var clock = new TestClock(Monday);
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var c = await app.TwoCirclesAsync();
        var entry = await StrangerTests.WriteEntryAsync(c.Member, c.CircleId);

        clock.Advance(TimeSpan.FromMinutes(30));
        var corrected = await c.Member.PutAsJsonAsync($"/api/v1/circles/{c.CircleId}/logbook/{entry}",
            new { occurredOn = "2026-11-22", text = "Mo was er zondag, niet vandaag.", wellbeing = "fair" });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);

        var seen = await c.Coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/logbook/{entry}");
        Assert.Equal("Mo was er zondag, niet vandaag.", seen.GetProperty("text").GetString());
        Assert.Equal("2026-11-22", seen.GetProperty("occurredOn").GetString());
        Assert.False(seen.GetProperty("canCorrect").GetBoolean());
        var earlier = Assert.Single(seen.GetProperty("history").EnumerateArray());
        Assert.Equal("Mo was er.", earlier.GetProperty("text").GetString());
        Assert.Equal("2026-11-23", earlier.GetProperty("occurredOn").GetString());

        var byOther = await c.Coordinator.PutAsJsonAsync($"/api/v1/circles/{c.CircleId}/logbook/{entry}", new { text = "Overschreven" });
        var problem = await ProblemAssert.IsProblemAsync(byOther, HttpStatusCode.Forbidden);
        Assert.Equal("Alleen wie een bericht schreef, kan het verbeteren.", problem.GetProperty("detail").GetString());
        var after = await c.Member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/logbook/{entry}");
        Assert.Equal("Mo was er zondag, niet vandaag.", after.GetProperty("text").GetString());
    }

    [Theory, BothDatabases]
    public async Task Empty_oversized_future_and_ancient_entries_are_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        var clock = new TestClock(Monday);
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var c = await app.TwoCirclesAsync();
        var url = $"/api/v1/circles/{c.CircleId}/logbook";

        Assert.Equal(["Vul dit in."], await ProblemAssert.FieldErrorsAsync(await c.Member.PostAsJsonAsync(url, new { text = " \n " }), "text"));
        Assert.Equal(["Dit is te lang: maximaal 4000 tekens, het zijn er nu 4001."],
            await ProblemAssert.FieldErrorsAsync(await c.Member.PostAsJsonAsync(url, new { text = new string('a', 4001) }), "text"));
        Assert.Contains("vandaag of een eerdere dag",
            (await ProblemAssert.FieldErrorsAsync(await c.Member.PostAsJsonAsync(url, new { text = "Morgen", occurredOn = "2026-11-24" }), "occurredOn"))[0]);
        Assert.Contains("afgelopen jaar",
            (await ProblemAssert.FieldErrorsAsync(await c.Member.PostAsJsonAsync(url, new { text = "Oud", occurredOn = "2016-11-24" }), "occurredOn"))[0]);

        var page = await c.Member.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(0, page.GetProperty("total").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task Late_in_the_evening_today_is_the_Amsterdam_date_not_the_UTC_date(DatabaseProvider provider)
    {
        // 23:30 in Amsterdam on 23 November is 22:30 UTC; at 00:30 on the 24th it is still the 23rd in UTC.
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero));
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var c = await app.TwoCirclesAsync();

        var response = await c.Member.PostAsJsonAsync($"/api/v1/circles/{c.CircleId}/logbook", new { text = "Net thuisgebracht." });

        var entry = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-11-24", entry.GetProperty("occurredOn").GetString());
    }
}
