using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Logbook;

/// <summary>Writing, reading and correcting a circle's logbook; one use case per method, for pages and API alike.</summary>
public sealed class CircleLogbook(WehelpenDbContext db, LiveNews live, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>An entry may be dated up to this long ago; older is almost always a typing error in the year.</summary>
    private const int OldestDays = 366;

    public async Task<LogbookPage> PageAsync(CircleMembership me, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var entries = db.Set<LogbookEntry>().Where(e => e.CircleId == me.CircleId);
        var total = await entries.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await entries
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Include(e => e.Author).Include(e => e.Corrections)
            .AsSplitQuery()
            .ToListAsync(ct);
        return new LogbookPage(items.Select(e => Describe(e, me)).ToList(), page, pageSize, total);
    }

    /// <summary>The newest few, for the circle's front page: no count of all, so it costs the same for a logbook of years.</summary>
    public async Task<IReadOnlyList<LogbookEntryResponse>> LatestAsync(CircleMembership me, int count, CancellationToken ct)
    {
        var items = await db.Set<LogbookEntry>().Where(e => e.CircleId == me.CircleId)
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Take(Math.Clamp(count, 1, MaxPageSize))
            .Include(e => e.Author).Include(e => e.Corrections)
            .AsSplitQuery()
            .ToListAsync(ct);
        return items.Select(e => Describe(e, me)).ToList();
    }

    public async Task<LogbookEntryResponse?> FindAsync(CircleMembership me, Guid entryId, CancellationToken ct) =>
        await LoadAsync(me, entryId, ct) is { } entry ? Describe(entry, me) : null;

    public async Task<Outcome<LogbookEntryResponse>> WriteAsync(CircleMembership me, LogbookEntryRequest request, CancellationToken ct)
    {
        var (occurredOn, body, errors) = Validate(request);
        if (errors.Any) return errors;
        var entry = new LogbookEntry
        {
            CircleId = me.CircleId,
            AuthorId = me.UserId,
            OccurredOn = occurredOn,
            Text = body,
            Wellbeing = request.Wellbeing,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        await live.CircleChangedAsync(me.CircleId, LiveArea.Logbook);
        return (await FindAsync(me, entry.Id, ct))!;
    }

    /// <summary>Only the author corrects their entry; the text as it was stays in the history.</summary>
    public async Task<Outcome<LogbookEntryResponse>> CorrectAsync(CircleMembership me, Guid entryId, LogbookEntryRequest request, CancellationToken ct)
    {
        var entry = await LoadAsync(me, entryId, ct);
        if (entry is null) return Refusal.NotFound(text["Logbook.NotFound"]);
        if (entry.IsAutomatic) return Refusal.Forbidden(text["Logbook.Automatic"]);
        if (entry.AuthorId != me.UserId) return Refusal.Forbidden(text["Logbook.OnlyAuthor"]);
        var (occurredOn, body, errors) = Validate(request);
        if (errors.Any) return errors;
        if (occurredOn == entry.OccurredOn && body == entry.Text && request.Wellbeing == entry.Wellbeing) return Describe(entry, me);

        var now = clock.GetUtcNow();
        entry.Corrections.Add(new LogbookCorrection
        {
            OccurredOn = entry.OccurredOn,
            Text = entry.Text,
            Wellbeing = entry.Wellbeing,
            WrittenAt = entry.CorrectedAt ?? entry.CreatedAt,
            ReplacedAt = now,
        });
        (entry.OccurredOn, entry.Text, entry.Wellbeing, entry.CorrectedAt) = (occurredOn, body, request.Wellbeing, now);
        await db.SaveChangesAsync(ct);
        await live.CircleChangedAsync(me.CircleId, LiveArea.Logbook);
        return Describe(entry, me);
    }

    /// <summary>How many entries each member wrote in a period, for the workload view; automatic entries are not writing.</summary>
    public async Task<Dictionary<string, int>> CountByAuthorAsync(Guid circleId, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken ct) =>
        await db.Set<LogbookEntry>()
            .Where(e => e.CircleId == circleId && e.RequestId == null && e.CreatedAt >= fromUtc && e.CreatedAt < toUtc)
            .GroupBy(e => e.AuthorId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    private (DateOnly, string, FieldErrors) Validate(LogbookEntryRequest request)
    {
        var errors = new FieldErrors();
        var body = errors.Required(text, "text", request.Text, LogbookEntry.TextMaxLength);
        var today = clock.AmsterdamToday();
        var occurredOn = request.OccurredOn ?? today;
        if (occurredOn > today) errors.Add("occurredOn", text["Logbook.DateInFuture"]);
        else if (occurredOn < today.AddDays(-OldestDays)) errors.Add("occurredOn", text["Logbook.DateTooOld"]);
        if (request.Wellbeing is { } w && !Enum.IsDefined(w)) errors.Add("wellbeing", text["Logbook.WellbeingUnknown"]);
        return (occurredOn, body, errors);
    }

    private Task<LogbookEntry?> LoadAsync(CircleMembership me, Guid entryId, CancellationToken ct) =>
        db.Set<LogbookEntry>().Include(e => e.Author).Include(e => e.Corrections)
            .SingleOrDefaultAsync(e => e.Id == entryId && e.CircleId == me.CircleId, ct);

    private LogbookEntryResponse Describe(LogbookEntry e, CircleMembership me) =>
        new(e.Id, e.OccurredOn, e.Text, e.Wellbeing, e.AuthorId, FormerMember.Shown(e.Author?.DisplayName, text), e.CreatedAt, e.CorrectedAt,
            e.AuthorId == me.UserId && !e.IsAutomatic,
            e.Corrections.OrderByDescending(c => c.ReplacedAt).ThenByDescending(c => c.Id)
                .Select(c => new LogbookVersion(c.OccurredOn, c.Text, c.Wellbeing, c.WrittenAt)).ToList(),
            e.RequestId);
}
