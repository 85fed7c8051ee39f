using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Audit;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Audit;

/// <summary>
/// The audit log for administrators: newest first, a page at a time. A page starts below the last entry of the page
/// before (keyset on time and id, on an index), so the hundredth page costs what the first does however long the
/// history grows; filtering by action or by person uses an index of its own.
/// </summary>
public sealed class AuditLogQueries(WehelpenDbContext db, IStringLocalizer<SharedResource> text)
{
    public const int PageSize = 50;

    public async Task<Outcome<AuditPage>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        var action = string.IsNullOrWhiteSpace(query.Action) ? null : query.Action.Trim();
        if (action is not null && !AuditActions.All.Contains(action))
            return new FieldErrors().Add("action", text["Audit.ActionUnknown"]);
        var actor = string.IsNullOrWhiteSpace(query.Actor) ? null : query.Actor.Trim();

        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (action is not null) entries = entries.Where(e => e.Action == action);
        if (actor is not null) entries = entries.Where(e => e.ActorId == actor);
        if (query.Before is { } beforeId)
        {
            var from = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Id == beforeId).Select(e => (DateTimeOffset?)e.At).SingleOrDefaultAsync(ct);
            // Gone (past its retention) or never there: everything older went before it.
            if (from is not { } at) return new AuditPage([], null);
            // "At <= at" bounds the index range; the rest only sorts out the entries of the very same moment.
            entries = entries.Where(e => e.At <= at && (e.At < at || e.Id < beforeId));
        }
        var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(ct);
        var next = rows.Count > PageSize ? rows[PageSize - 1].Id : (long?)null;
        if (rows.Count > PageSize) rows.RemoveAt(PageSize);

        var ids = rows.Select(r => r.ActorId).Concat(rows.Where(r => r.SubjectId is not null).Select(r => r.SubjectId!)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new AuditPage(rows.Select(r => Describe(r, names)).ToList(), next);
    }

    /// <summary>Who can be chosen in the filter: today's admins and professionals, and the former member.</summary>
    public async Task<IReadOnlyList<AuditPerson>> PeopleAsync(CancellationToken ct)
    {
        var roles = db.Roles.Where(r => r.Name == Roles.Admin || r.Name == Roles.Professional).Select(r => r.Id);
        var people = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roles.Contains(ur.RoleId)))
            .Select(u => new AuditPerson(u.Id, u.DisplayName)).ToListAsync(ct);
        return people.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).Append(new AuditPerson(FormerMember.Id, text[FormerMember.NameKey])).ToList();
    }

    /// <summary>Every action with its words, for the filter.</summary>
    public IReadOnlyList<(string Code, string Label)> Actions() =>
        AuditActions.All.Select(a => (a, ActionLabel(a))).ToList();

    public string ActionLabel(string action) => text[$"Audit.Action.{action}"];

    private AuditEntryResponse Describe(AuditEntry e, IReadOnlyDictionary<string, string> names) => new(
        e.Id, e.At.ToAmsterdam(), e.ActorId, Name(e.ActorId, names), e.Action, ActionLabel(e.Action),
        e.TargetKind, text[$"Audit.Target.{e.TargetKind}"], e.TargetId,
        e.SubjectId, e.SubjectId is null ? null : Name(e.SubjectId, names), e.ClientAddress);

    /// <summary>An erased account (the former member, or an id whose account is gone) reads "Voormalig lid".</summary>
    private string Name(string userId, IReadOnlyDictionary<string, string> names) =>
        FormerMember.Shown(names.GetValueOrDefault(userId), text);
}
