using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Notes;

/// <summary>What the new-page and edit forms post; the edit form also carries the revision it started from.</summary>
public sealed class NoteInput
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    public int? BaseRevision { get; set; }
}

/// <summary>A page with the note form (_NoteFields.cshtml): title, text and the short help on Markdown.</summary>
public interface INoteForm
{
    NoteInput Input { get; }
}

internal static class NoteTimes
{
    /// <summary>"3 maart 2026 14:05", in Amsterdam time, as every notes page shows a moment.</summary>
    public static string Shown(this DateTimeOffset moment) => moment.ToAmsterdam().ToString("d MMMM yyyy HH:mm");
}
