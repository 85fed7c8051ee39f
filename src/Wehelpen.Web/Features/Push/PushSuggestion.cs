using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// "Het meteen weten als iemand u nodig heeft?": suggested once, to someone who has just taken on their first task and
/// has no device with pushes on; never again after that, whatever they chose.
/// </summary>
public sealed class PushSuggestion(WehelpenDbContext db, IOptions<PushOptions> options, TimeProvider clock)
{
    /// <returns>True when the suggestion is to be shown now; it is then marked as made.</returns>
    public async Task<bool> OfferOnceAsync(string userId, CancellationToken ct)
    {
        if (!options.Value.Enabled) return false;
        if (await db.Set<PushSubscription>().AnyAsync(s => s.UserId == userId, ct)) return false;
        var now = clock.GetUtcNow();
        // A conditional update, so two claims at once still suggest it once.
        var marked = await db.Set<PushSettings>().Where(s => s.UserId == userId && s.SuggestedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SuggestedAt, now), ct);
        if (marked == 1) return true;
        if (await db.Set<PushSettings>().AnyAsync(s => s.UserId == userId, ct)) return false;
        db.Add(new PushSettings { UserId = userId, SuggestedAt = now, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // made at the same moment by another request: that one shows it
        }
    }
}
