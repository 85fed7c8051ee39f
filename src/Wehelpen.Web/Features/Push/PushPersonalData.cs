using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Push;

/// <summary>A person's devices with pushes on, their quiet hours, and the pushes waiting for their devices.</summary>
internal sealed class PushPersonalData(WehelpenDbContext db) : IPersonalData
{
    public int Order => ErasureOrder.Pointers + 110;

    public IEnumerable<PersonalColumn> Columns =>
    [
        new("PushSubscriptions", "UserId"),
        new("PushSettings", "UserId"),
        new("PushDeliveries", "UserId"),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        // The push address is the device's key at its push service: shown as the service it belongs to, not in full.
        new("push-devices", _ => db.Set<PushSubscription>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt)
            .Select(s => new { s.Browser, s.System, s.Endpoint, s.CreatedAt, s.LastPushedAt }).AsAsyncEnumerable()
            .Select(s => (object)new { s.Browser, s.System, PushService = new Uri(s.Endpoint).Host, s.CreatedAt, s.LastPushedAt })),
        new("push-settings", _ => db.Set<PushSettings>().AsNoTracking().Where(s => s.UserId == userId).AsAsyncEnumerable()
            .Select(s => (object)new { PushPreferences.ToResponse(s).QuietFrom, PushPreferences.ToResponse(s).QuietUntil, s.ChatPreview, s.UpdatedAt, s.SuggestedAt })),
        new("push-messages", _ => db.Set<PushDelivery>().AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.CreatedAt)
            .Select(d => new { d.Payload, d.State, d.CreatedAt, d.DueAt }).AsAsyncEnumerable()
            .Select(d => (object)new { PushContent.FromJson(d.Payload).Title, PushContent.FromJson(d.Payload).Body, State = d.State.ToString(), d.CreatedAt, d.DueAt })),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        await db.Set<PushDelivery>().Where(d => d.UserId == erasure.UserId).ExecuteDeleteAsync(ct);
        await db.Set<PushSubscription>().Where(s => s.UserId == erasure.UserId).ExecuteDeleteAsync(ct);
        await db.Set<PushSettings>().Where(s => s.UserId == erasure.UserId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Pushes about the circle's things wait for devices of people who stay: they go when their cause goes.</summary>
    public async Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct)
    {
        foreach (var batch in erasure.Subjects.Append(erasure.CircleId.ToString()).Chunk(50))
            await db.Set<PushDelivery>().Where(MentionsAny(batch)).ExecuteDeleteAsync(ct);
    }

    /// <summary>A link in the payload or the cause's key names one of the ids: one scan per batch of ids.</summary>
    private static Expression<Func<PushDelivery, bool>> MentionsAny(IEnumerable<string> ids)
    {
        var d = Expression.Parameter(typeof(PushDelivery), "d");
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression Mentions(string property, string id) => Expression.Call(Expression.Property(d, property), contains, Expression.Constant(id));
        var any = ids.Select(id => Expression.OrElse(Mentions(nameof(PushDelivery.Payload), id), Mentions(nameof(PushDelivery.SourceKey), id)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<PushDelivery, bool>>(any, d);
    }
}
