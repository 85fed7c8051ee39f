using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Circles.Consent;

/// <summary>One consent as the circle sees it: who gave or recorded it, when, and the very text agreed to.</summary>
/// <param name="SubjectName">Whom it is about (the professional, for a klanthouder).</param>
public sealed record ConsentResponse(
    Guid Id, ConsentKind Kind, string? SubjectUserId, string? SubjectName, string RecordedByName,
    string TextVersion, string Text, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt, string? WithdrawnByName);

/// <summary>A circle's consents, newest first, for its members.</summary>
public sealed class ConsentQueries(WehelpenDbContext db, IStringLocalizer<SharedResource> text)
{
    public async Task<IReadOnlyList<ConsentResponse>> ForCircleAsync(Guid circleId, ConsentKind? kind, CancellationToken ct)
    {
        var rows = await db.Set<ConsentRecord>().AsNoTracking()
            .Where(c => c.CircleId == circleId && (kind == null || c.Kind == kind))
            .OrderByDescending(c => c.GivenAt).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Kind, c.SubjectUserId, Subject = c.Subject != null ? c.Subject.DisplayName : null,
                c.RecordedById, RecordedBy = c.RecordedBy!.DisplayName, c.TextVersion, c.GivenAt,
                c.WithdrawnAt, c.WithdrawnById, WithdrawnBy = c.WithdrawnBy != null ? c.WithdrawnBy.DisplayName : null,
            })
            .ToListAsync(ct);
        return rows.Select(c => new ConsentResponse(
            c.Id, c.Kind, c.SubjectUserId, Name(c.SubjectUserId, c.Subject), Name(c.RecordedById, c.RecordedBy)!,
            c.TextVersion, text[ConsentTexts.Key(c.TextVersion)], c.GivenAt, c.WithdrawnAt, Name(c.WithdrawnById, c.WithdrawnBy))).ToList();
    }

    private string? Name(string? userId, string? displayName) => FormerMember.Is(userId) ? text[FormerMember.NameKey] : displayName;
}
