using Wehelpen.Web.Data;

namespace Wehelpen.Web.Platform.Audit;

/// <summary>
/// What features call to put an administrative action in the audit log. <see cref="Record"/> adds the entry to the
/// request's DbContext without saving it: the action's own SaveChanges (or its transaction) writes both or neither,
/// so no action goes unrecorded and no entry stays behind for one that failed. The time comes from the TimeProvider,
/// the client's address from the request (after ForwardedHeaders, so behind the proxy it is the browser's).
/// </summary>
public sealed class AuditTrail(WehelpenDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Adds the entry to be saved with the action. Call it once the action is sure to be saved, before the save.</summary>
    /// <param name="subjectId">The person the action is about, when it is about one; never put a person's id in <paramref name="targetId"/>.</param>
    public AuditEntry Record(string actorId, string action, string targetKind, string targetId, string? subjectId = null)
    {
        var entry = Entry(actorId, action, targetKind, targetId, subjectId);
        db.Add(entry);
        return entry;
    }

    /// <summary>
    /// For an action that is not written through this DbContext (the scheduler keeps its own connection): the entry is
    /// saved first, on its own, then the action runs; when it throws or reports that nothing was done, the entry is
    /// taken out again. Only a crash between the two leaves an entry for an action that did not happen, never the
    /// other way round: an action the log does not know of.
    /// </summary>
    public async Task<bool> RecordAroundAsync(
        string actorId, string action, string targetKind, string targetId, Func<Task<bool>> act, CancellationToken ct)
    {
        var entry = Record(actorId, action, targetKind, targetId);
        await db.SaveChangesAsync(ct);
        bool done;
        try
        {
            done = await act();
        }
        catch
        {
            await WithdrawAsync(entry);
            throw;
        }
        if (!done) await WithdrawAsync(entry);
        return done;
    }

    private async Task WithdrawAsync(AuditEntry entry)
    {
        db.Remove(entry);
        // Not the request's token: the entry must go even when the action failed because the request was aborted.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private AuditEntry Entry(string actorId, string action, string targetKind, string targetId, string? subjectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(actorId);
        if (!AuditActions.All.Contains(action)) throw new ArgumentException($"'{action}' is not one of AuditActions.All.", nameof(action));
        if (!AuditTargets.All.Contains(targetKind)) throw new ArgumentException($"'{targetKind}' is not one of AuditTargets.All.", nameof(targetKind));
        if (targetId.Length > AuditEntry.TargetIdMaxLength) throw new ArgumentException("Too long for a target id.", nameof(targetId));
        return new AuditEntry
        {
            ActorId = actorId,
            Action = action,
            TargetKind = targetKind,
            TargetId = targetId,
            SubjectId = subjectId,
            At = clock.GetUtcNow(),
            ClientAddress = ClientAddress(http.HttpContext),
        };
    }

    /// <summary>"203.0.113.7" rather than "::ffff:203.0.113.7"; null outside a request.</summary>
    internal static string? ClientAddress(HttpContext? context) =>
        context?.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : null;
}
