using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Notes;

/// <summary>
/// A shared page of a circle (medication, contacts, wishes). It holds the newest revision's title and text, so
/// lists and pages read one row; every save is also kept whole as a <see cref="NoteRevision"/>.
/// </summary>
public sealed class Note
{
    public const int TitleMaxLength = 120;
    public const int TextMaxLength = 50_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CircleId { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>
    /// The number of the newest revision. A save names the revision it started from and only goes ahead while that is
    /// still this number: the check and the write are one UPDATE, so two people can never both win.
    /// </summary>
    public int Revision { get; set; }

    public string CreatedById { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string ChangedById { get; set; } = "";
    public string ChangedByName { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Deleted pages are kept (with their history) but shown nowhere.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedById { get; set; }

    public Circle? Circle { get; set; }
    public List<NoteRevision> Revisions { get; set; } = [];
}

/// <summary>One save of a note: who, when, and the whole title and text as they were then. Never changed or removed.</summary>
public sealed class NoteRevision
{
    public Guid NoteId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public string AuthorId { get; set; } = "";

    /// <summary>The name as it was when they saved, like a signature: history reads the same after a name change.</summary>
    public string AuthorName { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }

    /// <summary>Set when this revision brought back the text of an older one.</summary>
    public int? RestoredFrom { get; set; }

    public Note? Note { get; set; }
}

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> note)
    {
        note.ToTable("Notes");
        note.HasOne(n => n.Circle).WithMany().HasForeignKey(n => n.CircleId).OnDelete(DeleteBehavior.Cascade);
        note.Property(n => n.Title).HasMaxLength(Note.TitleMaxLength);
        note.Property(n => n.ChangedByName).HasMaxLength(Registration.DisplayNameMaxLength);
        // The circle's list of pages, newest change first.
        note.HasIndex(n => new { n.CircleId, n.ChangedAt });
    }
}

internal sealed class NoteRevisionConfiguration : IEntityTypeConfiguration<NoteRevision>
{
    public void Configure(EntityTypeBuilder<NoteRevision> revision)
    {
        revision.ToTable("NoteRevisions");
        // Also the database's own guard: one revision 2 per note, whatever happens in the code above it.
        revision.HasKey(r => new { r.NoteId, r.Number });
        revision.HasOne(r => r.Note).WithMany(n => n.Revisions).HasForeignKey(r => r.NoteId).OnDelete(DeleteBehavior.Cascade);
        revision.Property(r => r.Title).HasMaxLength(Note.TitleMaxLength);
        revision.Property(r => r.AuthorName).HasMaxLength(Registration.DisplayNameMaxLength);
    }
}
