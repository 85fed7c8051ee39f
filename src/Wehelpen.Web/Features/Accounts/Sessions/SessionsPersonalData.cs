using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>
/// Where a person is and was signed in. The export lists their sessions (device summary and times; never an id or a
/// token); erasure deletes the sessions and their refresh tokens, and closes them on every node at once.
/// </summary>
internal sealed class SessionsPersonalData(WehelpenDbContext db, SessionGate gate) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns => [new("AccountSessions", "UserId")];

    public IEnumerable<ExportSection> Export(string userId) => [new("sessions", ct => Rows(userId, ct))];

    private async IAsyncEnumerable<object> Rows(string userId, [EnumeratorCancellation] CancellationToken ct)
    {
        var sessions = db.Set<AccountSession>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).AsAsyncEnumerable();
        await foreach (var s in sessions.WithCancellation(ct))
            yield return new
            {
                Kind = s.Kind.ToString(), s.Browser, s.System, s.CreatedAt, s.LastSeenAt, s.EndedAt, Reason = s.EndReason?.ToString(),
            };
    }

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var sessions = db.Set<AccountSession>().Where(s => s.UserId == erasure.UserId);
        var ids = await sessions.Select(s => s.Id).ToListAsync(ct);
        if (ids.Count == 0) return;
        await db.Set<RefreshToken>().Where(t => ids.Contains(t.SessionId)).ExecuteDeleteAsync(ct);
        await sessions.ExecuteDeleteAsync(ct);
        erasure.AfterCommit(_ => gate.EndedAsync(ids));
    }
}
