using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Notes;

/// <summary>Notes made and changed through the API and the pages, as members would.</summary>
public static class NoteSteps
{
    public static string NotesPath(Guid circleId) => $"/api/v1/circles/{circleId}/notes";

    /// <summary>Two circles (see <see cref="CircleSteps.TwoCirclesAsync"/>) and a page the coördinator made in the first.</summary>
    public static async Task<(TwoCircles Circles, Guid NoteId)> CircleWithNoteAsync(this WehelpenApplication app, string title, string text)
    {
        var circles = await app.TwoCirclesAsync();
        return (circles, await circles.Coordinator.CreateNoteAsync(circles.CircleId, title, text));
    }

    /// <summary>Creates a page; returns its id.</summary>
    public static async Task<Guid> CreateNoteAsync(this HttpClient client, Guid circleId, string title = "Medicatie", string text = "- Paracetamol 500 mg")
    {
        var response = await client.PostAsJsonAsync(NotesPath(circleId), new { title, text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> SaveNoteAsync(this HttpClient client, Guid circleId, Guid noteId, string text, int baseRevision, string title = "Medicatie") =>
        client.PutAsJsonAsync($"{NotesPath(circleId)}/{noteId}", new { title, text, baseRevision });

    public static async Task<JsonElement> NoteAsync(this HttpClient client, Guid circleId, Guid noteId) =>
        await client.GetFromJsonAsync<JsonElement>($"{NotesPath(circleId)}/{noteId}");

    public static async Task<int[]> RevisionNumbersAsync(this HttpClient client, Guid circleId, Guid noteId) =>
        (await client.GetFromJsonAsync<JsonElement>($"{NotesPath(circleId)}/{noteId}/revisions"))
            .EnumerateArray().Select(r => r.GetProperty("number").GetInt32()).ToArray();

    public static async Task<IDocument> HtmlAsync(this HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    public static async Task<IDocument> PageAsync(this HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.HtmlAsync();
    }

    /// <summary>The value a form field shows (input value or textarea text).</summary>
    public static string FieldValue(this IDocument page, string name)
    {
        var field = page.QuerySelector($"[name='{name}']") ?? throw new InvalidOperationException($"No field {name} on the page.");
        return field.LocalName == "textarea" ? field.TextContent : field.GetAttribute("value") ?? "";
    }
}

