using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>
/// The failed sign-ins counted against a person's address (<see cref="SignInFailure"/>): no person id, but the hash of
/// their address, by which they are found. The export shows when they were (someone may be guessing); an erasure
/// deletes them. Rows of addresses without an account belong to nobody and only age out.
/// </summary>
internal sealed class SignInFailurePersonalData(WehelpenDbContext db, ILookupNormalizer normalizer) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns => [];

    public IEnumerable<ExportSection> Export(string userId) => [new("sign-in-failures", ct => RowsAsync(userId, ct))];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(erasure.Email)) return;
        var account = SignInKeys.AccountOf(normalizer.NormalizeEmail(erasure.Email));
        await db.Set<SignInFailure>().Where(f => f.AccountHash == account).ExecuteDeleteAsync(ct);
    }

    private async IAsyncEnumerable<object> RowsAsync(string userId, [EnumeratorCancellation] CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(ct);
        if (email is null) yield break;
        var account = SignInKeys.AccountOf(email);
        await foreach (var failure in db.Set<SignInFailure>().AsNoTracking().Where(f => f.AccountHash == account).OrderBy(f => f.FailedAt)
                           .Select(f => new { f.FailedAt }).AsAsyncEnumerable().WithCancellation(ct))
            yield return failure;
    }
}

/// <summary>Failed sign-ins older than the longest window of <see cref="SignInThrottle"/> count for nothing: they go.</summary>
internal sealed class SignInFailureRetention(WehelpenDbContext db, IOptions<SignInThrottleOptions> options) : IRetentionRule
{
    public string Name => "sign-in-failures";

    public Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        var cutoff = now - options.Value.LongestWindow;
        return db.Set<SignInFailure>().Where(f => f.FailedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
