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
        // A left join on the volunteer's key (at most one row), not a FirstOrDefault subquery: that one becomes a
        // window function over every volunteer's row.
        var row = await (
            from u in db.Users.AsNoTracking().Where(u => u.Id == userId)
            join v in db.Set<VolunteerProfile>().AsNoTracking() on u.Id equals v.UserId into volunteers
            from v in volunteers.DefaultIfEmpty()
            select new
            {
                User = u,
                Volunteer = v,
                // Also filtered by the parameter: joined on u.Id alone, the roles are a derived table of every
                // person's roles, which SQLite built in full for each query (a cost that grew with the people).
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id && ur.UserId == userId)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            }).SingleOrDefaultAsync(ct);
        var person = row is null ? null : new PersonRow(row.User, row.Volunteer, row.Roles.Order(StringComparer.Ordinal).ToList());
        _read[userId] = person;
        return person;
    }

    public void Forget(string userId) => _read.Remove(userId);
}
