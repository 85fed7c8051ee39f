using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Circles.Consent;

/// <summary>What the hoofdpersoon of a circle can agree to, and withdraw. Stored by name: a new kind is a new value.</summary>
public enum ConsentKind
{
    /// <summary>A professional of the buurtteam as the circle's klanthouder (Features/Neighbourhoods/Buurtteam); the subject is the professional.</summary>
    CaseHolder,
}

/// <summary>
/// The hoofdpersoon's consent to something about their circle: who gave or recorded it (the hoofdpersoon, or a
/// coördinator saying the hoofdpersoon agrees), when, and the version of the text that was agreed to
/// (<see cref="ConsentTexts"/>). It stays as the record after it is withdrawn.
/// </summary>
public sealed class ConsentRecord
{
    public const int TextVersionMaxLength = 40;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CircleId { get; set; }
    public ConsentKind Kind { get; set; }

    /// <summary>Whom it is about, when it is about a person: for <see cref="ConsentKind.CaseHolder"/> the professional.</summary>
    public string? SubjectUserId { get; set; }

    public string RecordedById { get; set; } = "";
    public string TextVersion { get; set; } = "";
    public DateTimeOffset GivenAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnById { get; set; }

    public Circle? Circle { get; set; }
    public ApplicationUser? Subject { get; set; }
    public ApplicationUser? RecordedBy { get; set; }
    public ApplicationUser? WithdrawnBy { get; set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    /// <summary>Consent given now to the text in force for its kind.</summary>
    public static ConsentRecord Given(Guid circleId, ConsentKind kind, string? subjectUserId, string recordedById, DateTimeOffset at) => new()
    {
        CircleId = circleId, Kind = kind, SubjectUserId = subjectUserId, RecordedById = recordedById,
        TextVersion = ConsentTexts.Current(kind), GivenAt = at,
    };
}

/// <summary>
/// The texts people agree to. A changed text gets a new version and a new resource key; the old key stays, so that a
/// record always shows exactly what was agreed to.
/// </summary>
public static class ConsentTexts
{
    /// <summary>The box ticked when asking a klanthouder before consents were recorded: migration 0019 records those invitations with it.</summary>
    public const string CaseHolder202611 = "klanthouder-2026-11";

    public const string CaseHolder202612 = "klanthouder-2026-12";

    /// <summary>Every version ever used, for the check that each still has its text.</summary>
    public static readonly IReadOnlyList<string> All = [CaseHolder202611, CaseHolder202612];

    public static string Current(ConsentKind kind) => kind switch
    {
        ConsentKind.CaseHolder => CaseHolder202612,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No consent text for this kind."),
    };

    /// <summary>The resource key of a version's text.</summary>
    public static string Key(string version) => $"Consent.Text.{version}";
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> consent)
    {
        consent.ToTable("ConsentRecords");
        consent.HasOne(c => c.Circle).WithMany().HasForeignKey(c => c.CircleId).OnDelete(DeleteBehavior.Cascade);
        // Restrict: erasing an account re-attributes these to the former member first (ConsentPersonalData).
        consent.HasOne(c => c.Subject).WithMany().HasForeignKey(c => c.SubjectUserId).OnDelete(DeleteBehavior.Restrict);
        consent.HasOne(c => c.RecordedBy).WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.Restrict);
        consent.HasOne(c => c.WithdrawnBy).WithMany().HasForeignKey(c => c.WithdrawnById).OnDelete(DeleteBehavior.Restrict);
        consent.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);
        consent.Property(c => c.TextVersion).HasMaxLength(ConsentRecord.TextVersionMaxLength);
        // Two managers withdrawing at once: the second save finds it withdrawn already and changes nothing.
        consent.Property(c => c.WithdrawnAt).IsConcurrencyToken();
        consent.HasIndex(c => new { c.CircleId, c.GivenAt });
    }
}
