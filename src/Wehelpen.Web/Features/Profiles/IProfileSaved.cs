namespace Wehelpen.Web.Features.Profiles;

/// <summary>
/// What must follow a committed profile change, called by <see cref="ProfileEditor"/> after its save (e.g. matching
/// reads the volunteer again). Defined here so that the features that follow profiles depend on Profiles, not back.
/// </summary>
public interface IProfileSaved
{
    Task ProfileSavedAsync(string userId, CancellationToken ct);
}
