using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Platform.Audit;

/// <summary>
/// Where an action came from matters while it may still be looked into: the client address is blanked
/// <see cref="RetentionOptions.AuditAddressDays"/> after the action. On the time index: each night touches only the
/// day that just passed its period.
/// </summary>
internal sealed class AuditAddressRetention(WehelpenDbContext db, IOptions<RetentionOptions> options) : IRetentionRule
{
    public string Name => "audit-addresses";

    public async Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (RetentionPeriod.Cutoff(now, options.Value.AuditAddressDays) is not { } before) return 0;
        return await db.Set<AuditEntry>().Where(e => e.At < before && e.ClientAddress != null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClientAddress, (string?)null), ct);
    }
}

/// <summary>The entries themselves go <see cref="RetentionOptions.AuditEntryDays"/> after the action.</summary>
internal sealed class AuditEntryRetention(WehelpenDbContext db, IOptions<RetentionOptions> options) : IRetentionRule
{
    public string Name => "audit-entries";

    public async Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (RetentionPeriod.Cutoff(now, options.Value.AuditEntryDays) is not { } before) return 0;
        return await db.Set<AuditEntry>().Where(e => e.At < before).ExecuteDeleteAsync(ct);
    }
}
