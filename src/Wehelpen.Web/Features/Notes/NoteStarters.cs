using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Notes;

/// <summary>
/// The pages nearly every circle needs. A new circle starts empty and is offered these, each with a short Markdown
/// template in the reader's language, so nobody faces a blank page.
/// </summary>
public static class NoteStarters
{
    public static readonly IReadOnlyList<string> Kinds = ["Medication", "Contacts", "Wishes"];

    public static IReadOnlyList<NoteStarterResponse> All(IStringLocalizer text) =>
        Kinds.Select(kind => new NoteStarterResponse(kind, text[$"NoteStarter.{kind}.Title"], text[$"NoteStarter.{kind}.Text"])).ToList();

    public static NoteStarterResponse? Find(IStringLocalizer text, string? kind) =>
        All(text).FirstOrDefault(s => string.Equals(s.Kind, kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>The starters whose page the circle does not have yet (by title, in any case).</summary>
    public static IReadOnlyList<NoteStarterResponse> Missing(IStringLocalizer text, IEnumerable<NoteSummary> notes) =>
        All(text).Where(s => !notes.Any(n => string.Equals(n.Title, s.Title, StringComparison.CurrentCultureIgnoreCase))).ToList();
}
