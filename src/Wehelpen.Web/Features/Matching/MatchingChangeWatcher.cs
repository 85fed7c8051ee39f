using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Matching;

/// <summary>
/// Keeps matching current without a restart: notes, before each save, which volunteers and requests it changes, and
/// once the change is committed has them read again. A save inside an explicit transaction (the profile page, a
/// registration) counts when that transaction commits, and not at all when it is rolled back. The save waits for
/// the refresh, so whoever changed something sees it in their very next query. One per DbContext (scoped).
/// </summary>
internal sealed class MatchingChangeWatcher(MatchingRefresher refresher) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private MatchingChanges? _saving;
    private bool _savingInTransaction;
    private MatchingChanges _uncommitted = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSaveAsync().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await AfterSaveAsync();
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => _saving = null;

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _saving = null;
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => _saving = null;

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        _saving = null;
        return Task.CompletedTask;
    }

    // A transaction that was disposed without commit or rollback was rolled back: what it held is forgotten when the next begins.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _uncommitted = new();
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        _uncommitted = new();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AfterCommitAsync().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => AfterCommitAsync();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _uncommitted = new();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _uncommitted = new();
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => _uncommitted = new();

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _uncommitted = new();
        return Task.CompletedTask;
    }

    private async Task AfterSaveAsync()
    {
        var saved = _saving;
        _saving = null;
        if (saved is null || saved.IsEmpty) return;
        if (_savingInTransaction) _uncommitted.Add(saved);
        else await refresher.RefreshAsync(saved);
    }

    private async Task AfterCommitAsync()
    {
        var committed = _uncommitted;
        _uncommitted = new();
        await refresher.RefreshAsync(committed);
    }

    private void Collect(DbContext? context)
    {
        _saving = null;
        if (context is null) return;
        // Read before the save opens its own transaction: only a transaction of the caller's is current here.
        _savingInTransaction = context.Database.CurrentTransaction is not null;
        if (context.ChangeTracker.AutoDetectChangesEnabled) context.ChangeTracker.DetectChanges();
        var changes = new MatchingChanges();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                case ApplicationUser user when entry.State != EntityState.Modified || PlaceChanged(entry):
                    changes.Volunteers.Add(user.Id);
                    break;
                case VolunteerProfile profile:
                    changes.Volunteers.Add(profile.UserId);
                    break;
                case IdentityUserRole<string> role:
                    changes.Volunteers.Add(role.UserId);
                    break;
                case RequestAlert alert:
                    changes.Volunteers.Add(alert.VolunteerId);
                    break;
                case HelpRequest request:
                    changes.Requests.Add(request.Id);
                    // Whoever had it and whoever has it now: their load and reliability change with it.
                    if (entry.State == EntityState.Modified && entry.Property(nameof(HelpRequest.ClaimedById)).OriginalValue is string before)
                        changes.Volunteers.Add(before);
                    if (request.ClaimedById is { } helper) changes.Volunteers.Add(helper);
                    break;
            }
        }
        _saving = changes;
    }

    /// <summary>Other changes of a person (a login, a new name) do not concern matching.</summary>
    private static bool PlaceChanged(EntityEntry user) =>
        user.Property(nameof(ApplicationUser.Latitude)).IsModified
        || user.Property(nameof(ApplicationUser.Longitude)).IsModified
        || user.Property(nameof(ApplicationUser.Pc4)).IsModified;
}
