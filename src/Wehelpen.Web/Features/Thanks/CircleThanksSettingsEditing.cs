using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Thanks;

public sealed record CircleThanksSettingsInput(bool NameInOverview);

public sealed record CircleThanksSettingsResponse(bool NameInOverview, string ResidentName);

/// <summary>Whether a circle's name may stand in its volunteers' yearly overviews: every member reads it, its managers change it.</summary>
public sealed class CircleThanksSettingsEditing(WehelpenDbContext db, TimeProvider clock, ILogger<CircleThanksSettingsEditing> logger)
{
    public async Task<CircleThanksSettingsResponse> GetAsync(CircleMembership me, CancellationToken ct)
    {
        var named = await db.Set<CircleThanksSettings>().AsNoTracking().AnyAsync(s => s.CircleId == me.CircleId && s.NameInOverview, ct);
        return new CircleThanksSettingsResponse(named, me.ResidentName);
    }

    /// <summary>Callers let only the circle's managers here (the page and the API's manager policy).</summary>
    public async Task<CircleThanksSettingsResponse> SetAsync(CircleMembership me, CircleThanksSettingsInput input, CancellationToken ct)
    {
        var settings = await db.Set<CircleThanksSettings>().SingleOrDefaultAsync(s => s.CircleId == me.CircleId, ct);
        var adding = settings is null;
        if (adding) db.Add(settings = new CircleThanksSettings { CircleId = me.CircleId });
        (settings!.NameInOverview, settings.ChangedAt) = (input.NameInOverview, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (adding)
        {
            // Another manager made the circle's row a moment ago: change that one instead.
            db.ChangeTracker.Clear();
            return await SetAsync(me, input, ct);
        }
        db.ChangeTracker.Clear();
        logger.LogInformation("Circle {CircleId} {Choice} its name in volunteers' overviews", me.CircleId, input.NameInOverview ? "allows" : "withholds");
        return new CircleThanksSettingsResponse(input.NameInOverview, me.ResidentName);
    }
}
