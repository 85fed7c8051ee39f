using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Thanks;

/// <summary>
/// The overview's year is the Amsterdam year, chosen in SQL: help at 23:30 on 31 December in Amsterdam (22:30 UTC)
/// belongs to the old year; help at 00:30 on 1 January in Amsterdam (still 31 December in UTC) to the new one. The
/// list of years holds the years with help, not every year in between.
/// </summary>
public sealed class HelpOverviewYearTests
{
    private static readonly DateTimeOffset NewYear2026 = new(2025, 12, 31, 23, 0, 0, TimeSpan.Zero); // 1 January 2026 00:00 in Amsterdam

    [Theory, BothDatabases]
    public async Task Help_at_the_turn_of_the_year_counts_in_the_Amsterdam_year_it_was_given(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        async Task DoneAtAsync(string title, DateTimeOffset? startsAt, DateTimeOffset endsAt, DateTimeOffset closedAt)
        {
            var body = RequestSteps.Shopping();
            body["title"] = title;
            var id = await c.Member.DoneRequestAsync(c.CircleId, vera, body);
            // Asking for help in the past is refused, so the task is moved there afterwards.
            await app.QueryAsync(db => db.Set<HelpRequest>().Where(r => r.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.StartsAt, startsAt).SetProperty(r => r.EndsAt, endsAt).SetProperty(r => r.ClosedAt, closedAt)));
        }
        await DoneAtAsync("Oudejaarsavond 23:30", NewYear2026.AddMinutes(-30), NewYear2026, NewYear2026.AddHours(1));
        await DoneAtAsync("Nieuwjaarsnacht 00:30", NewYear2026.AddMinutes(30), NewYear2026.AddMinutes(90), NewYear2026.AddHours(2));
        await DoneAtAsync("Flexibel, gedaan om 23:59", null, NewYear2026.AddDays(2), NewYear2026.AddMinutes(-1));
        await DoneAtAsync("Flexibel, gedaan om middernacht", null, NewYear2026.AddDays(2), NewYear2026);
        var summer2023 = new DateTimeOffset(2023, 6, 15, 8, 0, 0, TimeSpan.Zero);
        await DoneAtAsync("Zomer 2023", summer2023, summer2023.AddHours(2), summer2023.AddHours(2));
        // Before Wehelpen's first year (2020): no such help exists, but the list of years reads it apart all the same.
        var summer2019 = summer2023.AddYears(-4);
        await DoneAtAsync("Zomer 2019", summer2019, summer2019.AddHours(2), summer2019.AddHours(2));

        var old = await vera.GetFromJsonAsync<JsonElement>("/api/v1/me/help-overview?year=2025");
        var @new = await vera.GetFromJsonAsync<JsonElement>("/api/v1/me/help-overview?year=2026");

        Assert.Equal(["2025-12-31 Flexibel, gedaan om 23:59", "2025-12-31 Oudejaarsavond 23:30"], Lines(old));
        Assert.Equal((2, 30, 1), Totals(old));
        Assert.Equal(["2026-01-01 Flexibel, gedaan om middernacht", "2026-01-01 Nieuwjaarsnacht 00:30"], Lines(@new));
        Assert.Equal((2, 60, 1), Totals(@new));
        Assert.Equal(2, @new.GetProperty("months")[0].GetProperty("figures").GetProperty("tasks").GetInt32());
        Assert.Equal(0, @new.GetProperty("months")[11].GetProperty("figures").GetProperty("tasks").GetInt32());
        // The years with help, this year, and the one asked for; not every year in between.
        Assert.Equal([2026, 2025, 2023, 2019], Years(@new));
        var empty = await vera.GetFromJsonAsync<JsonElement>("/api/v1/me/help-overview?year=2024");
        Assert.Equal([2026, 2025, 2024, 2023, 2019], Years(empty));
        var summer = await vera.GetFromJsonAsync<JsonElement>("/api/v1/me/help-overview?year=2023");
        Assert.Equal(["2023-06-15 Zomer 2023"], Lines(summer));
    }

    private static string[] Lines(JsonElement overview) => overview.GetProperty("tasks").EnumerateArray()
        .Select(t => $"{t.GetProperty("date").GetString()} {t.GetProperty("title").GetString()}").ToArray();

    private static (int Tasks, int Minutes, int Untimed) Totals(JsonElement overview)
    {
        var totals = overview.GetProperty("totals");
        return (totals.GetProperty("tasks").GetInt32(), totals.GetProperty("minutes").GetInt32(), totals.GetProperty("untimed").GetInt32());
    }

    private static int[] Years(JsonElement overview) => overview.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToArray();
}
