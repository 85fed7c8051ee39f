using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Localization;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Logbook;

/// <summary>What a person wrote in a circle's logbook, with the earlier versions they corrected.</summary>
internal sealed class LogbookPersonalData(WehelpenDbContext db, IStringLocalizer<SharedResource> text) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns => [new("LogbookEntries", "AuthorId")];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("logbook", _ => db.Set<LogbookEntry>().AsNoTracking().Where(e => e.AuthorId == userId).OrderBy(e => e.CreatedAt)
            .Select(e => new { e.Id, e.CircleId, e.OccurredOn, e.Text, Wellbeing = e.Wellbeing.ToString(), Automatic = e.RequestId != null, e.CreatedAt, e.CorrectedAt })
            .AsAsyncEnumerable()),
        new("logbook-corrections", _ => db.Set<LogbookCorrection>().AsNoTracking()
            .Where(c => db.Set<LogbookEntry>().Any(e => e.Id == c.EntryId && e.AuthorId == userId)).OrderBy(c => c.Id)
            .Select(c => new { c.EntryId, EarlierText = c.Text, c.OccurredOn, Wellbeing = c.Wellbeing.ToString(), c.WrittenAt, c.ReplacedAt })
            .AsAsyncEnumerable()),
    ];

    /// <summary>
    /// The logbook is the circle's care record: entries stay, written by a former member. The lines Wehelpen wrote
    /// itself about requests name people ("Vera heeft de hulpvraag opgepakt"); there the name becomes "Voormalig lid",
    /// in the logbook's own language (Dutch, as those lines are written).
    /// </summary>
    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        await db.Set<LogbookEntry>().Where(e => e.AuthorId == erasure.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.AuthorId, FormerMember.Id), ct);
        var name = erasure.DisplayName.Trim();
        if (name.Length == 0) return;
        var former = LocalizationExtensions.InLanguage("nl", () => text[FormerMember.NameKey].Value);
        var asWord = new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])");
        var automatic = await db.Set<LogbookEntry>().Where(e => e.RequestId != null && e.Text.Contains(name)).ToListAsync(ct);
        foreach (var entry in automatic) entry.Text = asWord.Replace(entry.Text, former);
    }
}
