using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wehelpen.Web.Platform.Audit;

/// <summary>
/// One administrative action, as the audit log keeps it: who did it, what kind of action on what, when and from which
/// client address. Only codes and ids: never a text somebody wrote (a note, an organisation's description), so that
/// the log says what happened without repeating what was said. Written by <see cref="AuditTrail"/> in the action's
/// own save; never changed afterwards, except by erasure and retention (<see cref="AuditPersonalData"/>,
/// <see cref="AuditAddressRetention"/>, <see cref="AuditEntryRetention"/>).
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 48;
    public const int TargetKindMaxLength = 32;
    public const int TargetIdMaxLength = 128;

    /// <summary>An IPv6 address as text is at most 45 characters.</summary>
    public const int ClientAddressMaxLength = 45;

    public long Id { get; set; }

    /// <summary>The account that did it; <see cref="PersonalData.FormerMember.Id"/> once that account was erased.</summary>
    public string ActorId { get; set; } = "";

    /// <summary>One of <see cref="AuditActions.All"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What it was done to: "Organisation", "Report", "Job", ... (<see cref="AuditTargets"/>).</summary>
    public string TargetKind { get; set; } = "";

    /// <summary>The id of what it was done to; never a person's id (that is <see cref="SubjectId"/>).</summary>
    public string TargetId { get; set; } = "";

    /// <summary>The person the action was about, when it was about one (the professional whose gebied was approved).</summary>
    public string? SubjectId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The client's address as the app saw it (behind the proxy: X-Forwarded-For); blanked after a while.</summary>
    public string? ClientAddress { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        // No foreign keys to the accounts: the log is a platform piece and knows no feature's tables. Erasure still
        // finds every id (AuditPersonalData claims both columns, and a test fails for an unclaimed one).
        entry.ToTable("AuditLog");
        entry.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        entry.Property(e => e.TargetKind).HasMaxLength(AuditEntry.TargetKindMaxLength);
        entry.Property(e => e.TargetId).HasMaxLength(AuditEntry.TargetIdMaxLength);
        entry.Property(e => e.ClientAddress).HasMaxLength(AuditEntry.ClientAddressMaxLength);
        // Newest first, a page at a time from where the last page ended (keyset), whatever the length of the history;
        // the retention rules find what is old on the same index. The filters have their own.
        entry.HasIndex(e => new { e.At, e.Id });
        entry.HasIndex(e => new { e.Action, e.At, e.Id });
        entry.HasIndex(e => new { e.ActorId, e.At, e.Id });
        entry.HasIndex(e => e.SubjectId);
    }
}
