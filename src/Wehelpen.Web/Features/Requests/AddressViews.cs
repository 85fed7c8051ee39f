using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Requests;

/// <param name="ViewerName">"Voormalig lid" for someone who has since erased their account.</param>
/// <param name="Day">The Amsterdam day they looked; <paramref name="FirstSeenAt"/> and <paramref name="LastSeenAt"/> lie in it.</param>
public sealed record AddressViewResponse(string ViewerName, AddressViewerRole Role, DateOnly Day, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt);

/// <summary>
/// "Wie heeft het adres gezien": each time a request's address, phone and full postcode are shown outside the circle,
/// one upsert; the circle's hoofdpersoon and coördinators read the list.
/// </summary>
public sealed class AddressViews(WehelpenDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    // A page that describes the request twice in one call (act, then show) records once.
    private readonly HashSet<(Guid, string)> _recorded = [];

    /// <summary>Records that the viewer was shown the request's private details; members of the circle are not recorded.</summary>
    public async Task RecordAsync(HelpRequest request, RequestViewer viewer, CancellationToken ct)
    {
        if (viewer.IsMember || !_recorded.Add((request.Id, viewer.UserId))) return;
        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(now.ToAmsterdam().DateTime);
        var role = (viewer.MayTakeOnEscalation(request) ? AddressViewerRole.Professional : AddressViewerRole.Helper).ToString();
        var seen = Stored(nameof(AddressView.LastSeenAt), now);
        // One statement, also when two tabs load at once: SQLite and PostgreSQL both know ON CONFLICT.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AddressViews" ("Id", "RequestId", "ViewerId", "Role", "Day", "FirstSeenAt", "LastSeenAt")
            VALUES ({Guid.CreateVersion7()}, {request.Id}, {viewer.UserId}, {role}, {day}, {seen}, {seen})
            ON CONFLICT ("RequestId", "ViewerId", "Day") DO UPDATE SET "LastSeenAt" = excluded."LastSeenAt"
            """, ct);
    }

    /// <summary>For the circle's managers: who saw the address of this request of theirs, latest first.</summary>
    public async Task<Outcome<IReadOnlyList<AddressViewResponse>>> ForCircleAsync(CircleMembership me, Guid requestId, CancellationToken ct)
    {
        if (!me.CanManage) return Refusal.Forbidden(text["AddressViews.OnlyManagers"]);
        if (!await db.Set<HelpRequest>().AnyAsync(r => r.Id == requestId && r.CircleId == me.CircleId, ct))
            return Refusal.NotFound(text["Request.NotFound"]);
        var rows = await db.Set<AddressView>().AsNoTracking()
            .Where(v => v.RequestId == requestId)
            .OrderByDescending(v => v.LastSeenAt)
            .Select(v => new { v.ViewerId, v.Viewer!.DisplayName, v.Role, v.Day, v.FirstSeenAt, v.LastSeenAt })
            .ToListAsync(ct);
        return rows.Select(v => new AddressViewResponse(
            FormerMember.Is(v.ViewerId) ? text[FormerMember.NameKey] : v.DisplayName, v.Role, v.Day, v.FirstSeenAt, v.LastSeenAt)).ToList();
    }

    /// <summary>A value as the database stores it: raw SQL passes by the model's conversions (DateTimeOffset as a number on SQLite).</summary>
    private object Stored(string property, object value) =>
        db.Model.FindEntityType(typeof(AddressView))!.FindProperty(property)!.GetTypeMapping().Converter is { } converter
            ? converter.ConvertToProvider(value)!
            : value;
}
