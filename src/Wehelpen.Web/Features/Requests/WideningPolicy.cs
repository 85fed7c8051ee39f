using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// How long a circle's unclaimed request waits at each audience before it widens by itself: the named person
/// first, then the whole circle, then (if the circle allows it) the neighbourhood, then the buurtteam of the area.
/// A circle without its own row uses the defaults.
/// </summary>
public sealed class WideningPolicy
{
    public const int MinHours = 1;
    public const int MaxHours = 14 * 24;

    public Guid CircleId { get; set; }
    public int PersonHours { get; set; } = 4;
    public int CircleHours { get; set; } = 12;
    public int NeighbourhoodHours { get; set; } = 24;

    /// <summary>False keeps the circle's requests inside the circle unless someone widens one by hand.</summary>
    public bool WidenToNeighbourhood { get; set; } = true;

    public static WideningPolicy Default(Guid circleId) => new() { CircleId = circleId };

    /// <summary>When a request that reached <paramref name="audience"/> at <paramref name="since"/> takes its next step; null when it waits where it is.</summary>
    public DateTimeOffset? NextStepAt(RequestAudience audience, DateTimeOffset since) => audience switch
    {
        RequestAudience.Person => since.AddHours(PersonHours),
        RequestAudience.Circle => WidenToNeighbourhood ? since.AddHours(CircleHours) : null,
        _ => since.AddHours(NeighbourhoodHours),
    };
}

internal sealed class WideningPolicyConfiguration : IEntityTypeConfiguration<WideningPolicy>
{
    public void Configure(EntityTypeBuilder<WideningPolicy> policy)
    {
        policy.ToTable("WideningPolicies");
        policy.HasKey(p => p.CircleId);
        policy.HasOne<Circle>().WithOne().HasForeignKey<WideningPolicy>(p => p.CircleId).OnDelete(DeleteBehavior.Cascade);
    }
}
