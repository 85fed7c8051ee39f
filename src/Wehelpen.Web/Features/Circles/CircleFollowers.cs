namespace Wehelpen.Web.Features.Circles;

// What other features keep per circle or per member follows the circle's own use cases through these explicit calls:
// the features above Circles implement them and register them in their own AddX(), so Circles depends on none of them.

/// <summary>Adds what a new circle starts with (the circle's chat thread), in the same save as the circle.</summary>
public interface INewCirclePart
{
    void AddTo(Circle circle, DateTimeOffset now);
}

/// <summary>A member leaves or is removed: what ends with their membership is changed in the same save.</summary>
public interface IMemberLeaving
{
    Task LeavingAsync(CircleMember member, string endedById, CancellationToken ct);
}

/// <summary>Someone joined or took over a circle; called after the commit, and must not fail the join.</summary>
public interface IMemberJoined
{
    Task JoinedAsync(Guid circleId, string userId, CancellationToken ct);
}
