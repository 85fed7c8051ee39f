using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wehelpen.Web.Features.Requests;

public enum RequestChange
{
    Posted,
    Widened,
    Claimed,
    GivenBack,
    Done,
    Cancelled,
    Expired,
    Escalated,
    Confirmed,
    Disputed,

    /// <summary>Matching asked a wave of volunteers nearby; only counts are shown, never who (see RequestAlert).</summary>
    AskedNearby,

    /// <summary>The helper confirmed they will come (asked the day before).</summary>
    ComingConfirmed,

    /// <summary>A professional of the buurtteam wrote to the circle's managers about it (Features/Neighbourhoods/Buurtteam).</summary>
    BuurtteamContact,

    /// <summary>A buurtteam professional referred it to an organisation of the social map; it stays open.</summary>
    Referred,
}

/// <summary>
/// One change of a request: who (null when Wehelpen did it by itself), when and why. The actor's name is copied in,
/// so the history reads the same after someone leaves.
/// </summary>
public sealed class RequestEvent
{
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }
    public Guid RequestId { get; set; }
    public RequestChange Change { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public RequestAudience? Audience { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> e)
    {
        e.ToTable("RequestEvents");
        e.HasOne<HelpRequest>().WithMany(r => r.Events).HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Change).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Audience).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ActorName).HasMaxLength(80);
        e.Property(x => x.Reason).HasMaxLength(RequestEvent.ReasonMaxLength);
        // How often someone claimed: matching's reliability, read again after each of their claims.
        e.HasIndex(x => new { x.ActorId, x.Change });
    }
}
