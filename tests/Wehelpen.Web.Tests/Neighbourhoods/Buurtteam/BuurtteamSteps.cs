using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;

public static class BuurtteamSteps
{
    /// <summary>
    /// A professional whose gebieden an admin already approved (written straight into the database: the approval
    /// itself is tested in ProfessionalAreaTests).
    /// </summary>
    public static async Task<(HttpClient Client, string UserId)> ProfessionalAsync(this WehelpenApplication app, string name, params string[] areaCodes)
    {
        var (client, id) = await app.PersonAsync(name, "professional");
        await app.ApproveAreasAsync(name, areaCodes);
        return (client, id);
    }

    public static Task ApproveAreasAsync(this WehelpenApplication app, string name, params string[] areaCodes) =>
        app.AddAreasAsync(name, approved: true, areaCodes);

    /// <summary>Gebieden the professional asked for and an admin has not yet approved.</summary>
    public static Task AskForAreasAsync(this WehelpenApplication app, string name, params string[] areaCodes) =>
        app.AddAreasAsync(name, approved: false, areaCodes);

    private static async Task AddAreasAsync(this WehelpenApplication app, string name, bool approved, string[] areaCodes)
    {
        var email = CircleSteps.EmailOf(name);
        await app.QueryAsync(async db =>
        {
            var id = db.Users.Single(u => u.Email == email).Id;
            foreach (var code in areaCodes)
                db.Add(new ProfessionalArea { UserId = id, AreaCode = code, RequestedAt = DateTimeOffset.UtcNow, ApprovedAt = approved ? DateTimeOffset.UtcNow : null });
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>
    /// Puts a neighbourhood request with the buurtteam as the sweep does after the last wave (tested in
    /// RequestWideningTests), without walking the clock through every step.
    /// </summary>
    public static Task EscalateAsync(this WehelpenApplication app, Guid requestId, DateTimeOffset at) =>
        app.QueryAsync(db => db.Set<HelpRequest>().Where(r => r.Id == requestId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.EscalatedAt, at).SetProperty(r => r.WidensAt, (DateTimeOffset?)null)));
}
