namespace Wehelpen.Web.Features.Notes;

public sealed record CreateNoteRequest(string? Title, string? Text);

/// <param name="BaseRevision">The revision number the editor started from; the save is refused when someone saved after it.</param>
public sealed record SaveNoteRequest(string? Title, string? Text, int? BaseRevision);

/// <param name="BaseRevision">The newest revision number the person saw; as with a save, a newer one refuses the restore.</param>
public sealed record RestoreNoteRequest(int? BaseRevision);

public sealed record NoteSummary(Guid Id, string Title, int Revision, DateTimeOffset ChangedAt, string ChangedByName);

/// <param name="Html">The text as Markdown rendered to safe HTML.</param>
/// <param name="CanDelete">True for the person who created the page and for the circle's managers.</param>
public sealed record NoteDetail(
    Guid Id, string Title, string Text, string Html, int Revision, DateTimeOffset ChangedAt, string ChangedByName,
    DateTimeOffset CreatedAt, bool CanDelete);

public sealed record RevisionSummary(int Number, string Title, DateTimeOffset SavedAt, string AuthorName, int? RestoredFrom);

public sealed record RevisionDetail(
    Guid NoteId, int Number, string Title, string Text, string Html, DateTimeOffset SavedAt, string AuthorId, string AuthorName,
    int? RestoredFrom, bool IsCurrent);

/// <summary>
/// A save that came after someone else's: nothing was overwritten. It carries the other person's revision and the text
/// that was refused, so that both can be put side by side and merged.
/// </summary>
public sealed record NoteConflict(string Message, RevisionDetail Current, string YourTitle, string YourText);

/// <summary>The outcome of a save or a restore: the saved note, or messages, or a refusal; for a conflict also both texts.</summary>
public sealed record NoteSave(Hosting.Outcome<NoteDetail> Outcome, NoteConflict? Conflict = null);

/// <summary>One of the usual pages a new circle is offered, in the reader's language.</summary>
public sealed record NoteStarterResponse(string Kind, string Title, string Text);
