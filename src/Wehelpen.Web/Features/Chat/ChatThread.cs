using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Chat;

/// <summary>Where a conversation lives: the circle's own chat, or the thread of a claimed help request.</summary>
public enum ChatKind
{
    Circle,
    Request,
}

/// <summary>
/// One conversation: a circle's chat (its <see cref="Id"/> is the circle's id), or the thread between a circle and the
/// volunteer who claimed one of its requests (one per request and helper, so a next helper never reads what the
/// previous one was told). Messages are numbered 1, 2, 3, ... per thread without gaps (<see cref="LastSeq"/>), so a
/// client that saw up to n knows exactly what it missed.
/// </summary>
public sealed class ChatThread
{
    public Guid Id { get; set; }
    public Guid CircleId { get; set; }
    public Guid? RequestId { get; set; }
    public string? HelperId { get; set; }
    public long LastSeq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A circle's chat, made with the circle, so that its first messages never race to make it.</summary>
    public static ChatThread ForCircle(Guid circleId, DateTimeOffset createdAt) => new() { Id = circleId, CircleId = circleId, CreatedAt = createdAt };
}

/// <summary>A message as its writer typed it: plain text, shown as text, never as markup.</summary>
public sealed class ChatMessage
{
    public const int TextMaxLength = 2000;
    public const int ClientIdMaxLength = 64;

    public Guid ThreadId { get; set; }
    public long Seq { get; set; }
    public string AuthorId { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>Made by the writer's device: a message sent twice (a retry after a lost connection) is stored once.</summary>
    public string ClientMessageId { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }

    public ApplicationUser? Author { get; set; }
}

/// <summary>How far someone has read a thread: what comes after, by others, counts as unread.</summary>
public sealed class ChatReadMarker
{
    public Guid ThreadId { get; set; }
    public string UserId { get; set; } = "";
    public long LastReadSeq { get; set; }
}

internal sealed class ChatThreadConfiguration : IEntityTypeConfiguration<ChatThread>
{
    public void Configure(EntityTypeBuilder<ChatThread> thread)
    {
        thread.ToTable("ChatThreads");
        thread.Property(t => t.Id).ValueGeneratedNever();
        thread.HasOne<Circle>().WithMany().HasForeignKey(t => t.CircleId).OnDelete(DeleteBehavior.Cascade);
        // The foreign key to a request is configured by Requests (HelpRequestConfiguration): Chat knows no requests.
        thread.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.HelperId).OnDelete(DeleteBehavior.Restrict);
        // One thread per claim; the circle's chat has neither, and NULLs never collide.
        thread.HasIndex(t => new { t.RequestId, t.HelperId }).IsUnique();
        thread.HasIndex(t => t.CircleId);
    }
}

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> message)
    {
        message.ToTable("ChatMessages");
        message.HasKey(m => new { m.ThreadId, m.Seq });
        message.Property(m => m.Seq).ValueGeneratedNever();
        message.HasOne<ChatThread>().WithMany().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
        // What someone wrote to the circle is not deleted with their account, as in the logbook.
        message.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        message.Property(m => m.Text).HasMaxLength(ChatMessage.TextMaxLength);
        message.Property(m => m.ClientMessageId).HasMaxLength(ChatMessage.ClientIdMaxLength);
        message.HasIndex(m => new { m.ThreadId, m.AuthorId, m.ClientMessageId }).IsUnique();
        message.HasIndex(m => m.AuthorId);
    }
}

internal sealed class ChatReadMarkerConfiguration : IEntityTypeConfiguration<ChatReadMarker>
{
    public void Configure(EntityTypeBuilder<ChatReadMarker> marker)
    {
        marker.ToTable("ChatReadMarkers");
        marker.HasKey(m => new { m.ThreadId, m.UserId });
        marker.HasOne<ChatThread>().WithMany().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
        marker.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        marker.HasIndex(m => m.UserId);
    }
}
