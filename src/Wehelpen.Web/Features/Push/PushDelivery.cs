using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wehelpen.Web.Features.Push;

public enum PushDeliveryState { Pending, Sending, Sent, Failed }

/// <summary>
/// The push outbox: one message for one device. Made in the same unit of work as its cause (a notification, a claim,
/// a chat message), unique per device and cause, so a cause makes at most one push per device whatever retries,
/// restarts or nodes do. A sender claims it (Pending → Sending) before it hands it to the push service.
/// </summary>
public sealed class PushDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SubscriptionId { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>What caused it, e.g. "notification:{id}": unique per device.</summary>
    public string SourceKey { get; set; } = "";

    /// <summary>The JSON the service worker shows (<see cref="PushContent"/>), in the person's language.</summary>
    public string Payload { get; set; } = "{}";

    /// <summary>Cannot wait for the end of the quiet hours (and asks the push service to wake the device).</summary>
    public bool Urgent { get; set; }

    public PushDeliveryState State { get; set; }
    public int Attempts { get; set; }

    /// <summary>When it may go next: at once, at the end of the quiet hours, or after a failure's pause.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>After this it is not worth showing any more (the push service is told so too).</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public PushSubscription? Subscription { get; set; }
}

internal sealed class PushDeliveryConfiguration : IEntityTypeConfiguration<PushDelivery>
{
    public void Configure(EntityTypeBuilder<PushDelivery> delivery)
    {
        delivery.ToTable("PushDeliveries");
        delivery.HasOne(d => d.Subscription).WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        delivery.Property(d => d.SourceKey).HasMaxLength(200);
        delivery.Property(d => d.Payload).HasMaxLength(3000);
        delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        delivery.HasIndex(d => new { d.SubscriptionId, d.SourceKey }).IsUnique();
        delivery.HasIndex(d => new { d.State, d.DueAt });
        delivery.HasIndex(d => d.UserId);
    }
}
