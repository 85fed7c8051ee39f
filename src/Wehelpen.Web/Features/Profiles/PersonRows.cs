using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Profiles;

/// <summary>A person's own rows: their account, their volunteer settings (if any) and their roles.</summary>
public sealed record PersonRow(ApplicationUser User, VolunteerProfile? Volunteer, IReadOnlyList<string> Roles)
{
    public bool IsVolunteer => Roles.Contains(Accounts.Roles.Volunteer);
}

/// <summary>
/// Reads <see cref="PersonRow"/> in one query, once per request: the home page, /help and the nearby list all need
/// them, and take them from here rather than reading them again. Not tracked; a change goes through
/// <see cref="ProfileEditor"/>, which forgets what was read.
/// </summary>
public sealed class PersonRows(WehelpenDbContext db)
{
    private readonly Dictionary<string, PersonRow?> _read = new(StringComparer.Ordinal);

    public async Task<PersonRow?> GetAsync(string userId, CancellationToken ct)
    {
        if (_read.TryGetValue(userId, out var known)) return known;
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new
        {
            User = u,
            Volunteer = db.Set<VolunteerProfile>().AsNoTracking().FirstOrDefault(v => v.UserId == u.Id),
            Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
        }).SingleOrDefaultAsync(ct);
        var person = row is null ? null : new PersonRow(row.User, row.Volunteer, row.Roles.Order(StringComparer.Ordinal).ToList());
        _read[userId] = person;
        return person;
    }

    public void Forget(string userId) => _read.Remove(userId);
}
