using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Logbook;

/// <summary>How the resident is doing, as the writer of an entry saw it; optional.</summary>
public enum Wellbeing
{
    Good,
    Fair,
    Poor,
}

/// <summary>One dated, attributed entry in a circle's logbook: what happened, how the resident is doing.</summary>
public sealed class LogbookEntry
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CircleId { get; set; }
    public string AuthorId { get; set; } = "";
    /// <summary>The day the entry is about, in Amsterdam; may be earlier than the day it was written.</summary>
    public DateOnly OccurredOn { get; set; }
    public string Text { get; set; } = "";
    public Wellbeing? Wellbeing { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CorrectedAt { get; set; }

    /// <summary>Set on entries Wehelpen wrote itself about a change of this request; they cannot be corrected.</summary>
    public Guid? RequestId { get; set; }

    public bool IsAutomatic => RequestId is not null;

    public ApplicationUser? Author { get; set; }
    public List<LogbookCorrection> Corrections { get; set; } = [];
}

/// <summary>The entry as it read before a correction: the earlier text stays visible as history.</summary>
public sealed class LogbookCorrection
{
    public long Id { get; set; }
    public Guid EntryId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public string Text { get; set; } = "";
    public Wellbeing? Wellbeing { get; set; }
    /// <summary>When this version was written (the entry's creation or its previous correction).</summary>
    public DateTimeOffset WrittenAt { get; set; }
    public DateTimeOffset ReplacedAt { get; set; }
}

internal sealed class LogbookEntryConfiguration : IEntityTypeConfiguration<LogbookEntry>
{
    public void Configure(EntityTypeBuilder<LogbookEntry> entry)
    {
        entry.ToTable("LogbookEntries");
        entry.HasOne<Circle>().WithMany().HasForeignKey(e => e.CircleId).OnDelete(DeleteBehavior.Cascade);
        // What someone wrote for the circle is not deleted with their account: deleting an account must first decide what to keep.
        entry.HasOne(e => e.Author).WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.Restrict);
        entry.Property(e => e.Text).HasMaxLength(LogbookEntry.TextMaxLength);
        // The foreign key to the request is configured by Requests (HelpRequestConfiguration): the logbook knows no requests.
        entry.HasIndex(e => e.RequestId);
        entry.Property(e => e.Wellbeing).HasConversion<string>().HasMaxLength(8);
        // Newest first, one page at a time.
        entry.HasIndex(e => new { e.CircleId, e.OccurredOn, e.CreatedAt });
        entry.HasIndex(e => e.AuthorId);
    }
}

internal sealed class LogbookCorrectionConfiguration : IEntityTypeConfiguration<LogbookCorrection>
{
    public void Configure(EntityTypeBuilder<LogbookCorrection> correction)
    {
        correction.ToTable("LogbookCorrections");
        correction.HasOne<LogbookEntry>().WithMany(e => e.Corrections).HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Cascade);
        correction.Property(c => c.Text).HasMaxLength(LogbookEntry.TextMaxLength);
        correction.Property(c => c.Wellbeing).HasConversion<string>().HasMaxLength(8);
    }
}
