namespace Wehelpen.Web.Platform.PersonalData;

/// <summary>What erasure steps can do once the transaction has committed: nothing of it may happen before.</summary>
public abstract class ErasureBase(DateTimeOffset now)
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];

    public DateTimeOffset Now { get; } = now;

    /// <summary>Runs after the commit (live notices, files, caches); a failure there is logged and does not undo the erasure.</summary>
    public void AfterCommit(Func<CancellationToken, Task> action) => _afterCommit.Add(action);

    public IReadOnlyList<Func<CancellationToken, Task>> AfterCommitActions => _afterCommit;
}

/// <summary>
/// The erasure of one person's account, as it runs: who they were (to find the copies of their name that other
/// records keep), and what the steps leave to do after the commit.
/// </summary>
public sealed class PersonErasure(string userId, string displayName, string? email, DateTimeOffset now, ErasureCause cause) : ErasureBase(now)
{
    public string UserId { get; } = userId;
    public string DisplayName { get; } = displayName;
    public string? Email { get; } = email;
    public ErasureCause Cause { get; } = cause;

    /// <summary>Circles whose members should see their pages again once it is done.</summary>
    public HashSet<Guid> ChangedCircles { get; } = [];
}

public enum ErasureCause
{
    /// <summary>The person asked for it ("Mijn account verwijderen").</summary>
    OwnRequest,

    /// <summary>The retention period for accounts nobody signs in to has passed.</summary>
    Inactive,
}

/// <summary>The erasure of one circle with everything in it.</summary>
public sealed class CircleErasure(Guid circleId, DateTimeOffset now) : ErasureBase(now)
{
    public Guid CircleId { get; } = circleId;

    /// <summary>
    /// The ids of what was in the circle (its requests, its appointments), as text: features that keep rows pointing at
    /// them without a foreign key (notifications' links, reminders' subjects) erase those too. Filled by the features
    /// that own such things, which run first (<see cref="ErasureOrder.Pointers"/> comes after them).
    /// </summary>
    public HashSet<string> Subjects { get; } = [];
}
