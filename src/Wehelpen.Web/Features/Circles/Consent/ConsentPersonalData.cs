using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Circles.Consent;

/// <summary>
/// Consents someone recorded or withdrew, those about them (the klanthouder), and those of the circle they are the
/// hoofdpersoon of (given on their behalf). They are the circle's record: an erased person's part in them becomes the
/// former member's; an erased circle takes its consents with it.
/// </summary>
internal sealed class ConsentPersonalData(WehelpenDbContext db) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns =>
    [
        new("ConsentRecords", "RecordedById"),
        new("ConsentRecords", "WithdrawnById"),
        new("ConsentRecords", "SubjectUserId"),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("consents", ct => db.Set<ConsentRecord>().AsNoTracking()
            .Where(c => c.RecordedById == userId || c.WithdrawnById == userId || c.SubjectUserId == userId
                || db.Set<CircleMember>().Any(m => m.CircleId == c.CircleId && m.UserId == userId && m.Role == CircleRole.Resident))
            .OrderBy(c => c.GivenAt)
            .Select(c => new
            {
                Circle = c.Circle!.Name, c.Kind, c.TextVersion, c.GivenAt, c.WithdrawnAt,
                RecordedByYou = c.RecordedById == userId, WithdrawnByYou = c.WithdrawnById == userId, AboutYou = c.SubjectUserId == userId,
            })
            .AsAsyncEnumerable()
            .Select(c => (object)new
            {
                c.Circle, Kind = c.Kind.ToString(), c.TextVersion, c.GivenAt, c.WithdrawnAt, c.RecordedByYou, c.WithdrawnByYou, c.AboutYou,
            })),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var (id, former) = (erasure.UserId, FormerMember.Id);
        var consents = db.Set<ConsentRecord>();
        await consents.Where(c => c.RecordedById == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordedById, former), ct);
        await consents.Where(c => c.WithdrawnById == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.WithdrawnById, former), ct);
        await consents.Where(c => c.SubjectUserId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.SubjectUserId, former), ct);
    }

    public Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct) =>
        db.Set<ConsentRecord>().Where(c => c.CircleId == erasure.CircleId).ExecuteDeleteAsync(ct);
}
