using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Notes;

/// <summary>/api/v1/circles/{circleId}/notes: the circle's shared pages, their history and restore. Members only.</summary>
internal static class NotesApi
{
    public static void MapNotesApi(this WebApplication app)
    {
        var notes = app.MapCircleApiGroup("Notes").MapGroup("/notes");
        notes.MapGet("/", async (CircleMembership me, CircleNotes notes, CancellationToken ct) =>
            TypedResults.Ok(await notes.ListAsync(me.CircleId, ct)));
        notes.MapGet("/starters", (IStringLocalizer<SharedResource> text) => TypedResults.Ok(NoteStarters.All(text)));
        notes.MapPost("/", async (CreateNoteRequest request, CircleMembership me, CircleNotes notes, CancellationToken ct) =>
            (await notes.CreateAsync(me, request, ct)).ToApi(n => TypedResults.Created($"/api/v1/circles/{me.CircleId}/notes/{n.Id}", n)));
        notes.MapGet("/{noteId:guid}", async (Guid noteId, CircleMembership me, CircleNotes notes, CancellationToken ct) =>
            (await notes.GetAsync(me, noteId, ct)).ToApi(TypedResults.Ok));
        notes.MapPut("/{noteId:guid}", async (Guid noteId, SaveNoteRequest request, CircleMembership me, CircleNotes notes, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            Answer(await notes.SaveAsync(me, noteId, request, ct), text))
            .WithDescription("Saves a new revision. baseRevision is the revision the editor started from; when someone saved after it, " +
                "nothing is written and the answer is 409 with 'current' (their revision: number, authorName, savedAt, title, text) " +
                "and 'yourTitle'/'yourText' (what was refused), to merge and save again with baseRevision = current.number.");
        notes.MapDelete("/{noteId:guid}", async (Guid noteId, CircleMembership me, CircleNotes notes, CancellationToken ct) =>
            (await notes.DeleteAsync(me, noteId, ct)).ToApi(_ => TypedResults.NoContent()));
        notes.MapGet("/{noteId:guid}/revisions", async (Guid noteId, CircleMembership me, CircleNotes notes, CancellationToken ct) =>
            (await notes.RevisionsAsync(me.CircleId, noteId, ct)).ToApi(TypedResults.Ok));
        notes.MapGet("/{noteId:guid}/revisions/{number:int}", async (Guid noteId, int number, CircleMembership me, CircleNotes notes, CancellationToken ct) =>
            (await notes.RevisionAsync(me.CircleId, noteId, number, ct)).ToApi(TypedResults.Ok));
        notes.MapPost("/{noteId:guid}/revisions/{number:int}/restore",
            async (Guid noteId, int number, RestoreNoteRequest request, CircleMembership me, CircleNotes notes, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                Answer(await notes.RestoreAsync(me, noteId, number, request, ct), text))
            .WithDescription("Saves the text of an older revision as a new revision; 409 as for a save when baseRevision is not the newest.");
    }

    /// <summary>A conflict carries both texts, so that an app can show them side by side without another request.</summary>
    private static Results<Ok<NoteDetail>, ValidationProblem, ProblemHttpResult> Answer(NoteSave save, IStringLocalizer text) =>
        save.Conflict is { } conflict
            ? TypedResults.Problem(detail: conflict.Message, statusCode: StatusCodes.Status409Conflict, title: text["Note.ConflictTitle"], extensions: new Dictionary<string, object?>
            {
                ["current"] = conflict.Current,
                ["yourTitle"] = conflict.YourTitle,
                ["yourText"] = conflict.YourText,
            })
            : save.Outcome.ToApi(TypedResults.Ok);
}
