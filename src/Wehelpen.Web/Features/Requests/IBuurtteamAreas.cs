using Wehelpen.Web.Features.Areas;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// Which gebieden someone works for as buurtteam, and so whose escalated requests they see and may take on. The
/// buurtteam (Features/Neighbourhoods/Buurtteam) implements it, so that Requests does not depend on it.
/// </summary>
public interface IBuurtteamAreas
{
    /// <summary>Every gebied for an admin, the approved ones for a professional, none for anyone else.</summary>
    Task<IReadOnlyList<Area>> AreasAsync(string userId, bool isAdmin, bool isProfessional, CancellationToken ct);

    /// <summary>The professionals approved for this gebied: who hears live of its escalated requests.</summary>
    Task<IReadOnlyList<string>> TeamAsync(string areaCode, CancellationToken ct);
}
