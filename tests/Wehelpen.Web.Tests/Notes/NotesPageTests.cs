using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Notes;

public sealed class NotesPageTests
{
    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    [Theory, BothDatabases]
    public async Task A_new_circle_has_no_pages_and_starting_a_usual_one_takes_one_click_and_opens_its_template(DatabaseProvider provider)
    {
        // 09:05 UTC on 1 March is 10:05 in Amsterdam (winter time).
        var clock = new TestClock(new DateTimeOffset(2030, 3, 1, 9, 5, 0, TimeSpan.Zero));
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var c = await app.TwoCirclesAsync();
        using var browser = await app.BrowserAsync("Mo Lid", followRedirects: true);
        var notes = $"/circles/{c.CircleId}/notes";

        var empty = await browser.PageAsync(notes);
        Assert.Contains("Deze cirkel heeft nog geen pagina’s.", empty.QuerySelector("main")!.TextContent);
        Assert.Equal(["‘Medicatie’ beginnen", "‘Contactpersonen’ beginnen", "‘Wensen’ beginnen"],
            empty.QuerySelectorAll("form.note-starters button").Select(b => b.TextContent));
        Assert.Equal("page", empty.QuerySelector($"a[href='{notes}']")!.GetAttribute("aria-current"));

        var started = await PageForms.PostAsync(browser, $"{notes}?handler=Start", [Field("kind", "Medication")], notes);

        var editor = await started.HtmlAsync();
        Assert.EndsWith("/edit", started.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Medicatie", editor.FieldValue("Input.Title"));
        Assert.Contains("# Apotheek", editor.FieldValue("Input.Text"));
        var list = await browser.PageAsync(notes);
        var item = Assert.Single(list.QuerySelectorAll("ul.item-list li"));
        Assert.Equal("Medicatie", item.QuerySelector("a")!.TextContent);
        Assert.Equal("Laatst gewijzigd door Mo Lid op 1 maart 2030 10:05", item.QuerySelector(".item-meta")!.TextContent.Trim());
        Assert.Equal(["‘Contactpersonen’ beginnen", "‘Wensen’ beginnen"], list.QuerySelectorAll("form.note-starters button").Select(b => b.TextContent));
    }

    [Theory, BothDatabases]
    public async Task A_new_page_with_an_empty_title_or_too_long_a_text_is_refused_next_to_the_field_and_keeps_what_was_typed(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        using var browser = await app.BrowserAsync("Mo Lid", followRedirects: true);
        var path = $"/circles/{c.CircleId}/notes/new";

        var noTitle = await (await PageForms.PostAsync(browser, path, [Field("Input.Title", ""), Field("Input.Text", "Sleutel ligt bij de buren")])).HtmlAsync();
        var tooLong = await (await PageForms.PostAsync(browser, path, [Field("Input.Title", "Lang"), Field("Input.Text", new string('x', 50_001))])).HtmlAsync();

        Assert.Equal("Vul dit in.", noTitle.QuerySelector("#Input_Title-error")!.TextContent);
        Assert.Equal("Sleutel ligt bij de buren", noTitle.FieldValue("Input.Text"));
        Assert.Equal("Dit is te lang: maximaal 50000 tekens, het zijn er nu 50001.", tooLong.QuerySelector("#Input_Text-error")!.TextContent);
        Assert.Equal(50_001, tooLong.FieldValue("Input.Text").Length);
        Assert.Contains("Deze cirkel heeft nog geen pagina’s.", (await browser.PageAsync($"/circles/{c.CircleId}/notes")).QuerySelector("main")!.TextContent);
    }

    [Theory, BothDatabases]
    public async Task The_second_of_two_people_editing_at_once_sees_the_others_text_keeps_their_own_in_the_editor_and_saves_after_merging(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (c, noteId) = await app.CircleWithNoteAsync("Contactpersonen", "- Huisarts: 020 123 4567");
        using var carla = await app.BrowserAsync("Carla Coördinator", followRedirects: true);
        using var mo = await app.BrowserAsync("Mo Lid", followRedirects: true);
        var edit = $"/circles/{c.CircleId}/notes/{noteId}/edit";
        var carlasBase = (await carla.PageAsync(edit)).FieldValue("Input.BaseRevision");
        var mosBase = (await mo.PageAsync(edit)).FieldValue("Input.BaseRevision");
        Assert.Equal(("1", "1"), (carlasBase, mosBase));

        var carlaSaved = await PageForms.PostAsync(carla, edit,
            [Field("Input.Title", "Contactpersonen"), Field("Input.Text", "- Huisarts: 020 123 4567\n- Buurman Piet: 06 1234 5678"), Field("Input.BaseRevision", carlasBase)]);
        Assert.Contains("De pagina is opgeslagen.", (await carlaSaved.HtmlAsync()).QuerySelector("[role=status]")!.TextContent);

        const string mosText = "- Huisarts: 020 123 4567 (spoed: 020 765 4321)";
        var refused = await (await PageForms.PostAsync(mo, edit,
            [Field("Input.Title", "Contactpersonen"), Field("Input.Text", mosText), Field("Input.BaseRevision", mosBase)])).HtmlAsync();

        Assert.Contains("Carla Coördinator heeft deze pagina op", refused.QuerySelector(".error-summary")!.TextContent);
        Assert.StartsWith("De nieuwste versie, van Carla Coördinator", refused.QuerySelector("#theirs-heading")!.TextContent);
        Assert.Equal("- Huisarts: 020 123 4567\n- Buurman Piet: 06 1234 5678", refused.QuerySelector("#their-text")!.TextContent);
        Assert.Equal(mosText, refused.FieldValue("Input.Text"));
        Assert.Equal("2", refused.FieldValue("Input.BaseRevision"));
        var stored = await c.Member.NoteAsync(c.CircleId, noteId);
        Assert.Equal("- Huisarts: 020 123 4567\n- Buurman Piet: 06 1234 5678", stored.GetProperty("text").GetString());

        var merged = await PageForms.PostAsync(mo, edit,
            [Field("Input.Title", "Contactpersonen"), Field("Input.Text", mosText + "\n- Buurman Piet: 06 1234 5678"), Field("Input.BaseRevision", refused.FieldValue("Input.BaseRevision"))]);

        var shown = await merged.HtmlAsync();
        Assert.Equal(["Huisarts: 020 123 4567 (spoed: 020 765 4321)", "Buurman Piet: 06 1234 5678"],
            shown.QuerySelectorAll(".note-text li").Select(li => li.TextContent));
        Assert.Equal(new[] { 3, 2, 1 }, await c.Member.RevisionNumbersAsync(c.CircleId, noteId));
    }

    [Theory, BothDatabases]
    public async Task The_history_page_lists_every_version_and_restoring_an_old_one_makes_it_the_newest(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (c, noteId) = await app.CircleWithNoteAsync("Wensen", "Koffie om **half elf**");
        await c.Member.SaveNoteAsync(c.CircleId, noteId, "Thee om elf uur", 1, title: "Wensen");
        using var carla = await app.BrowserAsync("Carla Coördinator", followRedirects: true);
        var note = $"/circles/{c.CircleId}/notes/{noteId}";

        var history = await carla.PageAsync($"{note}/history");
        var rows = history.QuerySelectorAll("table.note-history tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("versie 2", rows[0].QuerySelector("th")!.TextContent);
        Assert.Contains("huidige versie", rows[0].QuerySelector("th")!.TextContent);
        Assert.Equal(["Mo Lid", "Carla Coördinator"], rows.Select(r => r.QuerySelectorAll("td")[1].TextContent));
        Assert.Equal(["Versie", "Wanneer", "Door"], history.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent));

        var current = await carla.PageAsync($"{note}/history/2");
        Assert.Contains("Dit is de huidige versie van de pagina.", current.QuerySelector("main")!.TextContent);
        Assert.Null(current.QuerySelector("form.note-restore"));
        var old = await carla.PageAsync($"{note}/history/1");
        Assert.Equal("half elf", old.QuerySelector(".note-text strong")!.TextContent);
        Assert.Equal("Versie 1 terugzetten", old.QuerySelector("form.note-restore button")!.TextContent);

        var restored = await PageForms.PostAsync(carla, $"{note}/history/1?handler=Restore", [Field("baseRevision", "2")], $"{note}/history/1");

        var page = await restored.HtmlAsync();
        Assert.Equal("Versie 1 is teruggezet.", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("half elf", page.QuerySelector(".note-text strong")!.TextContent);
        var after = (await carla.PageAsync($"{note}/history")).QuerySelectorAll("table.note-history tbody tr").ToList();
        Assert.Equal(3, after.Count);
        Assert.Contains("(teruggezet van versie 1)", after[0].TextContent);
        Assert.Contains("Thee om elf uur", (await carla.PageAsync($"{note}/history/2")).QuerySelector(".note-text")!.TextContent);
    }

    [Theory, BothDatabases]
    public async Task Restoring_from_a_page_that_someone_saved_over_since_asks_to_look_again_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (c, noteId) = await app.CircleWithNoteAsync("Wensen", "een");
        await c.Coordinator.SaveNoteAsync(c.CircleId, noteId, "twee", 1, title: "Wensen");
        using var carla = await app.BrowserAsync("Carla Coördinator", followRedirects: true);
        var revision = $"/circles/{c.CircleId}/notes/{noteId}/history/1";
        var seen = (await carla.PageAsync(revision)).FieldValue("baseRevision");
        await c.Member.SaveNoteAsync(c.CircleId, noteId, "drie", 2, title: "Wensen");

        var refused = await (await PageForms.PostAsync(carla, $"{revision}?handler=Restore", [Field("baseRevision", seen)], revision)).HtmlAsync();

        Assert.Contains("Mo Lid heeft deze pagina op", refused.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("3", refused.FieldValue("baseRevision"));
        Assert.Equal("drie", (await c.Member.NoteAsync(c.CircleId, noteId)).GetProperty("text").GetString());
    }

    [Theory, BothDatabases]
    public async Task Only_the_creator_and_managers_are_offered_deleting_a_page_and_it_asks_for_confirmation_first(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (c, noteId) = await app.CircleWithNoteAsync("Wensen", "Koffie om half elf");
        using var carla = await app.BrowserAsync("Carla Coördinator", followRedirects: true);
        using var mo = await app.BrowserAsync("Mo Lid", followRedirects: true);
        var note = $"/circles/{c.CircleId}/notes/{noteId}";

        Assert.Null((await mo.PageAsync(note)).QuerySelector("details.note-delete"));
        var refused = await (await PageForms.PostAsync(mo, $"{note}?handler=Delete", [])).HtmlAsync();
        Assert.Contains("Alleen wie deze pagina heeft gemaakt", refused.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("Wensen", (await c.Member.NoteAsync(c.CircleId, noteId)).GetProperty("title").GetString());

        var offered = (await carla.PageAsync(note)).QuerySelector("details.note-delete")!;
        Assert.Null(offered.GetAttribute("open")); // the button shows only after choosing to delete
        Assert.Equal("Ja, verwijder ‘Wensen’", offered.QuerySelector("button")!.TextContent);
        var deleted = await (await PageForms.PostAsync(carla, $"{note}?handler=Delete", [])).HtmlAsync();

        Assert.Equal("De pagina ‘Wensen’ is verwijderd.", deleted.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Deze cirkel heeft nog geen pagina’s.", deleted.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await mo.GetAsync(note)).StatusCode);
    }
}
