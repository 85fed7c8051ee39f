using System.Net;
using System.Net.Http.Json;
using Wehelpen.Web.Tests.Circles;
using static Wehelpen.Web.Tests.Notes.NoteSteps;

namespace Wehelpen.Web.Tests.Notes;

/// <summary>Notes are for the circle's members only: every endpoint and page that takes an id is tried from outside.</summary>
public sealed class NotesAccessTests
{
    /// <summary>Every notes endpoint of the API, for one circle and one note.</summary>
    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> Endpoints(Guid circleId, Guid noteId)
    {
        var notes = NotesPath(circleId);
        yield return (HttpMethod.Get, notes, null);
        yield return (HttpMethod.Get, $"{notes}/starters", null);
        yield return (HttpMethod.Post, notes, new { title = "Van buiten", text = "x" });
        foreach (var endpoint in NoteEndpoints(circleId, noteId)) yield return endpoint;
    }

    /// <summary>The endpoints that take a note id.</summary>
    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> NoteEndpoints(Guid circleId, Guid noteId)
    {
        var note = $"{NotesPath(circleId)}/{noteId}";
        yield return (HttpMethod.Get, note, null);
        yield return (HttpMethod.Put, note, new { title = "Overgenomen", text = "weg ermee", baseRevision = 1 });
        yield return (HttpMethod.Delete, note, null);
        yield return (HttpMethod.Get, $"{note}/revisions", null);
        yield return (HttpMethod.Get, $"{note}/revisions/1", null);
        yield return (HttpMethod.Post, $"{note}/revisions/1/restore", new { baseRevision = 1 });
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, (HttpMethod Method, string Path, object? Body) call) =>
        client.SendAsync(new HttpRequestMessage(call.Method, call.Path) { Content = call.Body is null ? null : JsonContent.Create(call.Body) });

    [Theory, BothDatabases]
    public async Task Strangers_and_anonymous_callers_reach_no_notes_endpoint_whether_the_circle_exists_or_not(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (c, noteId) = await app.CircleWithNoteAsync("Medicatie", "geheim");

        var madeUpCircle = Endpoints(Guid.NewGuid(), Guid.NewGuid()).ToList();
        foreach (var (call, index) in Endpoints(c.CircleId, noteId).Select((call, i) => (call, i)))
        {
            var stranger = await SendAsync(c.Stranger, call);
            var strangerElsewhere = await SendAsync(c.Stranger, madeUpCircle[index]);
            await ProblemAssert.IsProblemAsync(stranger, HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblemAsync(strangerElsewhere, HttpStatusCode.Forbidden);
            Assert.Equal(await ProblemAssert.ComparableBodyAsync(strangerElsewhere), await ProblemAssert.ComparableBodyAsync(stranger));
            Assert.DoesNotContain("geheim", await stranger.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(c.Anonymous, call)).StatusCode);
        }

        var note = await c.Coordinator.NoteAsync(c.CircleId, noteId);
        Assert.Equal((1, "geheim"), (note.GetProperty("revision").GetInt32(), note.GetProperty("text").GetString()));
        Assert.Single((await c.Coordinator.GetFromJsonAsync<System.Text.Json.JsonElement>(NotesPath(c.CircleId))).EnumerateArray());
    }

    [Theory, BothDatabases]
    public async Task A_note_of_another_circle_under_ones_own_circle_id_is_as_unknown_as_a_made_up_note(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (c, noteId) = await app.CircleWithNoteAsync("Medicatie", "geheim");

        var madeUp = NoteEndpoints(c.OtherCircleId, Guid.NewGuid()).ToList();
        foreach (var (call, index) in NoteEndpoints(c.OtherCircleId, noteId).Select((call, i) => (call, i)))
        {
            var foreign = await SendAsync(c.Stranger, call);
            var unknown = await SendAsync(c.Stranger, madeUp[index]);
            await ProblemAssert.IsProblemAsync(foreign, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
            Assert.Equal(await ProblemAssert.ComparableBodyAsync(unknown), await ProblemAssert.ComparableBodyAsync(foreign));
        }

        var note = await c.Coordinator.NoteAsync(c.CircleId, noteId);
        Assert.Equal((1, "geheim"), (note.GetProperty("revision").GetInt32(), note.GetProperty("text").GetString()));
    }

    /// <summary>Every notes page, and every form post, for one circle and one note.</summary>
    private static IEnumerable<(string Path, string[]? Form)> Pages(Guid circleId, Guid noteId)
    {
        var notes = $"/circles/{circleId}/notes";
        yield return (notes, null);
        yield return ($"{notes}?handler=Start", ["kind", "Medication"]);
        yield return ($"{notes}/new", null);
        yield return ($"{notes}/new", ["Input.Title", "Van buiten", "Input.Text", "x"]);
        foreach (var page in NotePages(circleId, noteId)) yield return page;
    }

    private static IEnumerable<(string Path, string[]? Form)> NotePages(Guid circleId, Guid noteId)
    {
        var note = $"/circles/{circleId}/notes/{noteId}";
        yield return (note, null);
        yield return ($"{note}?handler=Delete", []);
        yield return ($"{note}/edit", null);
        yield return ($"{note}/edit", ["Input.Title", "Overgenomen", "Input.Text", "weg ermee", "Input.BaseRevision", "1"]);
        yield return ($"{note}/history", null);
        yield return ($"{note}/history/1", null);
        yield return ($"{note}/history/1?handler=Restore", ["baseRevision", "1"]);
    }

    /// <summary>A GET, or a form post with a valid antiforgery token taken from a page this browser may see.</summary>
    private static Task<HttpResponseMessage> VisitAsync(HttpClient browser, (string Path, string[]? Form) page, string formPage) =>
        page.Form is null
            ? browser.GetAsync(page.Path)
            : PageForms.PostAsync(browser, page.Path, page.Form.Chunk(2).Select(f => new KeyValuePair<string, string>(f[0], f[1])), formPage);

    [Theory, BothDatabases]
    public async Task Strangers_and_anonymous_visitors_see_no_notes_page_and_cannot_post_any_notes_form(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (c, noteId) = await app.CircleWithNoteAsync("Medicatie", "geheim");
        using var stranger = await app.BrowserAsync("Stan Vreemde");
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var page in Pages(c.CircleId, noteId))
        {
            var refused = await VisitAsync(stranger, page, $"/circles/{c.OtherCircleId}/notes");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/account/access-denied", refused.Headers.Location?.PathAndQuery);
            var login = await VisitAsync(anonymous, page, "/account/login");
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.StartsWith("/account/login", login.Headers.Location?.PathAndQuery);
        }

        var note = await c.Coordinator.NoteAsync(c.CircleId, noteId);
        Assert.Equal((1, "geheim"), (note.GetProperty("revision").GetInt32(), note.GetProperty("text").GetString()));
        Assert.Single((await c.Coordinator.GetFromJsonAsync<System.Text.Json.JsonElement>(NotesPath(c.CircleId))).EnumerateArray());
    }

    [Theory, BothDatabases]
    public async Task A_note_of_another_circle_opened_in_ones_own_circle_pages_is_as_unknown_as_a_made_up_note(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (c, noteId) = await app.CircleWithNoteAsync("Medicatie", "geheim");
        using var stranger = await app.BrowserAsync("Stan Vreemde");
        var ownNotes = $"/circles/{c.OtherCircleId}/notes";

        var madeUp = NotePages(c.OtherCircleId, Guid.NewGuid()).ToList();
        foreach (var (page, index) in NotePages(c.OtherCircleId, noteId).Select((p, i) => (p, i)))
        {
            var foreign = await VisitAsync(stranger, page, ownNotes);
            var unknown = await VisitAsync(stranger, madeUp[index], ownNotes);
            Assert.Equal(unknown.StatusCode, foreign.StatusCode);
            Assert.Contains(foreign.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.OK });
            var shown = await foreign.Content.ReadAsStringAsync();
            Assert.DoesNotContain("geheim", shown);
            if (foreign.StatusCode == HttpStatusCode.OK) Assert.Contains("Deze pagina bestaat niet (meer).", shown); // the edit form keeps what was typed
        }

        var note = await c.Coordinator.NoteAsync(c.CircleId, noteId);
        Assert.Equal((1, "geheim"), (note.GetProperty("revision").GetInt32(), note.GetProperty("text").GetString()));
    }
}
