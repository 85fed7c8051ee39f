using System.Net;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Agenda;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Requests.Series;

/// <summary>The "Herhalen" fieldset of the ask-for-help form (Sunday 1 March 2026).</summary>
public sealed class SeriesPageTests
{
    [Theory, BothDatabases]
    public async Task The_form_asks_for_help_every_tuesday_and_says_what_is_missing_in_Dutch(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        using var carla = await app.BrowserAsync("Carla Coördinator");
        var form = $"/circles/{c.CircleId}/requests/new";
        var empty = await PageForms.PageAsync(carla, form);
        Assert.Contains("<legend>Herhalen</legend>", empty);
        Assert.Contains("value=\"None\" checked=\"checked\"", empty);

        List<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] extra) =>
            new (string, string)[]
            {
                ("Input.Category", "Shopping"), ("Input.Title", "Boodschappen op dinsdag"), ("Input.Flexible", "false"),
                ("Input.Date", "2026-03-03"), ("Input.From", "10:00"), ("Input.Until", "12:00"), ("Input.Postcode", "1055 KL"),
                ("Input.Audience", "Circle"), ("Input.Repeat", "Weekly"), ("Input.RepeatEnd", "Times"), ("Input.Times", "3"),
            }.Concat(extra).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).ToList();

        var refused = await PageForms.PageAsync(await PageForms.PostAsync(carla, form, Fields()));
        Assert.Contains("Kies op welke dagen van de week.", refused);
        Assert.Matches("value=\"Weekly\" checked=\"checked\"", refused);
        Assert.Empty(await app.QueryAsync(db => db.Set<HelpRequest>().ToListAsync()));

        var posted = await PageForms.PostAsync(carla, form, Fields(("Input.Days", "Tuesday"), ("Input.Days", "Thursday")));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var made = await app.QueryAsync(db => db.Set<HelpRequest>().Where(r => r.SeriesId != null).Select(r => r.OccurrenceOn!.Value).ToListAsync());
        Assert.Equal([new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 10)], made.Order());
    }
}
