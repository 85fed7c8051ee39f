using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;
using static Wehelpen.Web.Tests.Notes.NoteSteps;

namespace Wehelpen.Web.Tests.Notes;

public sealed class NotesApiTests
{
    [Theory, BothDatabases]
    public async Task A_new_circle_has_no_notes_and_a_created_note_is_listed_and_rendered_for_every_member(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        Assert.Empty((await c.Member.GetFromJsonAsync<JsonElement>(NotesPath(c.CircleId))).EnumerateArray());

        var noteId = await c.Coordinator.CreateNoteAsync(c.CircleId, "Medicatie", "# Ochtend\n- **Metformine** 500 mg");

        var list = await c.Member.GetFromJsonAsync<JsonElement>(NotesPath(c.CircleId));
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal("Medicatie", listed.GetProperty("title").GetString());
        Assert.Equal("Carla Coördinator", listed.GetProperty("changedByName").GetString());
        var note = await c.Member.NoteAsync(c.CircleId, noteId);
        Assert.Equal(1, note.GetProperty("revision").GetInt32());
        Assert.Equal("# Ochtend\n- **Metformine** 500 mg", note.GetProperty("text").GetString());
        Assert.Equal("<h2>Ochtend</h2>\n<ul>\n<li><strong>Metformine</strong> 500 mg</li>\n</ul>", note.GetProperty("html").GetString()!.Trim());
    }

    [Theory, BothDatabases]
    public async Task Every_save_is_a_revision_and_restoring_an_old_one_adds_a_new_revision_without_removing_any(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (c, noteId) = await app.CircleWithNoteAsync("Medicatie", "versie een");
        Assert.Equal(HttpStatusCode.OK, (await c.Member.SaveNoteAsync(c.CircleId, noteId, "versie twee", 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.SaveNoteAsync(c.CircleId, noteId, "versie drie", 2, title: "Medicijnen")).StatusCode);

        var revisions = await c.Member.GetFromJsonAsync<JsonElement>($"{NotesPath(c.CircleId)}/{noteId}/revisions");
        Assert.Equal([3, 2, 1], revisions.EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal(["Carla Coördinator", "Mo Lid", "Carla Coördinator"], revisions.EnumerateArray().Select(r => r.GetProperty("authorName").GetString()));
        var first = await c.Member.GetFromJsonAsync<JsonElement>($"{NotesPath(c.CircleId)}/{noteId}/revisions/1");
        Assert.Equal(("Medicatie", "versie een", false), (first.GetProperty("title").GetString(), first.GetProperty("text").GetString(), first.GetProperty("isCurrent").GetBoolean()));

        var restored = await c.Member.PostAsJsonAsync($"{NotesPath(c.CircleId)}/{noteId}/revisions/1/restore", new { baseRevision = 3 });

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var note = await c.Coordinator.NoteAsync(c.CircleId, noteId);
        Assert.Equal((4, "Medicatie", "versie een"), (note.GetProperty("revision").GetInt32(), note.GetProperty("title").GetString(), note.GetProperty("text").GetString()));
        Assert.Equal(new[] { 4, 3, 2, 1 }, await c.Coordinator.RevisionNumbersAsync(c.CircleId, noteId));
        var fourth = await c.Coordinator.GetFromJsonAsync<JsonElement>($"{NotesPath(c.CircleId)}/{noteId}/revisions/4");
        Assert.Equal((1, "Mo Lid"), (fourth.GetProperty("restoredFrom").GetInt32(), fourth.GetProperty("authorName").GetString()));
        var third = await c.Coordinator.GetFromJsonAsync<JsonElement>($"{NotesPath(c.CircleId)}/{noteId}/revisions/3");
        Assert.Equal("versie drie", third.GetProperty("text").GetString());
    }

    [Theory, BothDatabases]
    public async Task A_restore_from_a_stale_view_is_refused_like_a_save_and_an_unknown_revision_is_not_found(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (c, noteId) = await app.CircleWithNoteAsync("Medicatie", "een");
        await c.Coordinator.SaveNoteAsync(c.CircleId, noteId, "twee", 1);
        await c.Member.SaveNoteAsync(c.CircleId, noteId, "drie", 2);

        var stale = await c.Coordinator.PostAsJsonAsync($"{NotesPath(c.CircleId)}/{noteId}/revisions/1/restore", new { baseRevision = 2 });
        var unknown = await c.Coordinator.PostAsJsonAsync($"{NotesPath(c.CircleId)}/{noteId}/revisions/99/restore", new { baseRevision = 3 });

        var conflict = await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal((3, "drie"), (conflict.GetProperty("current").GetProperty("number").GetInt32(), conflict.GetProperty("current").GetProperty("text").GetString()));
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal("drie", (await c.Coordinator.NoteAsync(c.CircleId, noteId)).GetProperty("text").GetString());
        Assert.Equal(new[] { 3, 2, 1 }, await c.Coordinator.RevisionNumbersAsync(c.CircleId, noteId));
    }

    [Theory, BothDatabases]
    public async Task Two_members_saving_from_the_same_revision_overwrite_nothing_the_second_gets_both_texts_and_saves_after_merging(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (c, noteId) = await app.CircleWithNoteAsync("Medicatie", "- Paracetamol");
        var seenByCarla = (await c.Coordinator.NoteAsync(c.CircleId, noteId)).GetProperty("revision").GetInt32();
        var seenByMo = (await c.Member.NoteAsync(c.CircleId, noteId)).GetProperty("revision").GetInt32();

        var carla = await c.Coordinator.SaveNoteAsync(c.CircleId, noteId, "- Paracetamol\n- Omeprazol", seenByCarla);
        var mo = await c.Member.SaveNoteAsync(c.CircleId, noteId, "- Paracetamol 3x per dag", seenByMo);

        Assert.Equal(HttpStatusCode.OK, carla.StatusCode);
        var problem = await ProblemAssert.IsProblemAsync(mo, HttpStatusCode.Conflict);
        Assert.Equal("Iemand anders heeft deze pagina intussen opgeslagen", problem.GetProperty("title").GetString());
        Assert.Contains("Carla Coördinator heeft deze pagina op", problem.GetProperty("detail").GetString());
        var current = problem.GetProperty("current");
        Assert.Equal(2, current.GetProperty("number").GetInt32());
        Assert.Equal("Carla Coördinator", current.GetProperty("authorName").GetString());
        Assert.Equal("- Paracetamol\n- Omeprazol", current.GetProperty("text").GetString());
        Assert.Equal("- Paracetamol 3x per dag", problem.GetProperty("yourText").GetString());
        Assert.Equal("- Paracetamol\n- Omeprazol", (await c.Member.NoteAsync(c.CircleId, noteId)).GetProperty("text").GetString());
        Assert.Equal(new[] { 2, 1 }, await c.Member.RevisionNumbersAsync(c.CircleId, noteId));

        var merged = await c.Member.SaveNoteAsync(c.CircleId, noteId, "- Paracetamol 3x per dag\n- Omeprazol", current.GetProperty("number").GetInt32());

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var note = await c.Coordinator.NoteAsync(c.CircleId, noteId);
        Assert.Equal((3, "- Paracetamol 3x per dag\n- Omeprazol"), (note.GetProperty("revision").GetInt32(), note.GetProperty("text").GetString()));
    }

    [Theory, BothDatabases]
    public async Task Of_two_saves_started_at_the_same_moment_from_the_same_revision_exactly_one_wins(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (c, noteId) = await app.CircleWithNoteAsync("Medicatie", "start");

        // Several rounds, so that the two requests really meet in the database at least some of the time.
        for (var round = 1; round <= 5; round++)
        {
            var responses = await Task.WhenAll(
                c.Coordinator.SaveNoteAsync(c.CircleId, noteId, $"Carla, ronde {round}", round),
                c.Member.SaveNoteAsync(c.CircleId, noteId, $"Mo, ronde {round}", round));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var loser = await ProblemAssert.IsProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
            var winnerText = (await responses.Single(r => r.IsSuccessStatusCode).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString();
            Assert.Equal(winnerText, loser.GetProperty("current").GetProperty("text").GetString());
            Assert.NotEqual(winnerText, loser.GetProperty("yourText").GetString());
            Assert.Equal(winnerText, (await c.Member.NoteAsync(c.CircleId, noteId)).GetProperty("text").GetString());
        }
        Assert.Equal(Enumerable.Range(1, 6).Reverse(), await c.Member.RevisionNumbersAsync(c.CircleId, noteId));
    }

    [Theory, BothDatabases]
    public async Task Saving_without_a_change_adds_no_revision(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (c, noteId) = await app.CircleWithNoteAsync("Medicatie", "- Paracetamol");

        var saved = await c.Member.SaveNoteAsync(c.CircleId, noteId, "- Paracetamol\r\n", 1);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(new[] { 1 }, await c.Member.RevisionNumbersAsync(c.CircleId, noteId));
    }

    [Theory, BothDatabases]
    public async Task An_empty_title_or_too_long_texts_get_clear_messages_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();

        Assert.Equal(["Vul dit in."], await ProblemAssert.FieldErrorsAsync(
            await c.Member.PostAsJsonAsync(NotesPath(c.CircleId), new { title = "  ", text = "iets" }), "title"));
        Assert.Equal(["Dit is te lang: maximaal 120 tekens, het zijn er nu 121."], await ProblemAssert.FieldErrorsAsync(
            await c.Member.PostAsJsonAsync(NotesPath(c.CircleId), new { title = new string('t', 121), text = "" }), "title"));
        Assert.Equal(["Dit is te lang: maximaal 50000 tekens, het zijn er nu 50001."], await ProblemAssert.FieldErrorsAsync(
            await c.Member.PostAsJsonAsync(NotesPath(c.CircleId), new { title = "Lang", text = new string('x', 50_001) }), "text"));
        Assert.Empty((await c.Member.GetFromJsonAsync<JsonElement>(NotesPath(c.CircleId))).EnumerateArray());

        // The limit counts a line end once, as the person sees it, also when the browser sends CR LF.
        var noteId = await c.Member.CreateNoteAsync(c.CircleId, "Lang", string.Concat(Enumerable.Repeat("123456789\r\n", 5_000)));
        c.Member.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Equal(["Say which version you started from."], await ProblemAssert.FieldErrorsAsync(
            await c.Member.PutAsJsonAsync($"{NotesPath(c.CircleId)}/{noteId}", new { title = "Lang", text = "kort" }), "baseRevision"));
        Assert.Equal(new[] { 1 }, await c.Member.RevisionNumbersAsync(c.CircleId, noteId));
    }

    [Theory, BothDatabases]
    public async Task A_member_who_did_not_create_a_note_cannot_delete_it_its_creator_and_managers_can(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var carlasNote = await c.Coordinator.CreateNoteAsync(c.CircleId, "Wensen");
        var mosNote = await c.Member.CreateNoteAsync(c.CircleId, "Boodschappen");
        var mosOtherNote = await c.Member.CreateNoteAsync(c.CircleId, "Contactpersonen");
        Assert.False((await c.Member.NoteAsync(c.CircleId, carlasNote)).GetProperty("canDelete").GetBoolean());

        var refused = await c.Member.DeleteAsync($"{NotesPath(c.CircleId)}/{carlasNote}");

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains("Alleen wie deze pagina heeft gemaakt", problem.GetProperty("detail").GetString());
        Assert.Equal("Wensen", (await c.Member.NoteAsync(c.CircleId, carlasNote)).GetProperty("title").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await c.Member.DeleteAsync($"{NotesPath(c.CircleId)}/{mosNote}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.DeleteAsync($"{NotesPath(c.CircleId)}/{mosOtherNote}")).StatusCode);
        var left = await c.Member.GetFromJsonAsync<JsonElement>(NotesPath(c.CircleId));
        Assert.Equal(["Wensen"], left.EnumerateArray().Select(n => n.GetProperty("title").GetString()));
        await ProblemAssert.IsProblemAsync(await c.Member.GetAsync($"{NotesPath(c.CircleId)}/{mosNote}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await c.Member.SaveNoteAsync(c.CircleId, mosNote, "toch nog", 1), HttpStatusCode.NotFound);
    }

    [Theory, BothDatabases]
    public async Task The_usual_pages_are_offered_in_the_readers_language(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        c.Member.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var dutch = await c.Coordinator.GetFromJsonAsync<JsonElement>($"{NotesPath(c.CircleId)}/starters");
        var english = await c.Member.GetFromJsonAsync<JsonElement>($"{NotesPath(c.CircleId)}/starters");

        Assert.Equal(["Medicatie", "Contactpersonen", "Wensen"], dutch.EnumerateArray().Select(s => s.GetProperty("title").GetString()));
        Assert.Equal(["Medication", "Contacts", "Wishes"], english.EnumerateArray().Select(s => s.GetProperty("title").GetString()));
        Assert.Contains("# Apotheek", dutch[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_notes_endpoints_are_described_in_OpenAPI()
    {
        await using var app = await WehelpenApplication.StartAsync();
        using var client = app.CreateApiClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        var notes = "/api/v1/circles/{circleId}/notes";
        foreach (var (path, method) in new[]
        {
            (notes, "get"), (notes, "post"), (notes + "/starters", "get"),
            (notes + "/{noteId}", "get"), (notes + "/{noteId}", "put"), (notes + "/{noteId}", "delete"),
            (notes + "/{noteId}/revisions", "get"), (notes + "/{noteId}/revisions/{number}", "get"),
            (notes + "/{noteId}/revisions/{number}/restore", "post"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var operations) && operations.TryGetProperty(method, out _), $"{method} {path} is not in OpenAPI");
        }
    }
}
