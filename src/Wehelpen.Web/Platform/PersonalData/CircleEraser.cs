namespace Wehelpen.Web.Platform.PersonalData;

/// <summary>
/// Erases everything the features keep in one circle, feature by feature in <see cref="IPersonalData.Order"/>, inside
/// the caller's transaction. The circle's own row is left to its owner (Features/Circles), who deletes it last.
/// </summary>
public sealed class CircleEraser(IServiceProvider services)
{
    // Resolved when used: the feature that erases circles is itself one of the parts.
    public async Task EraseAsync(CircleErasure erasure, CancellationToken ct)
    {
        foreach (var part in services.GetServices<IPersonalData>().OrderBy(p => p.Order))
            await part.EraseCircleAsync(erasure, ct);
    }
}
