using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Locations;

namespace Wehelpen.Web.Features.Profiles;

[Authorize]
public sealed class ProfileModel(
    ProfileEditor editor, PostcodeTable postcodes, INeighbourhoodOfPlace neighbourhoods, SignInManager<ApplicationUser> signIn) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public PlaceResponse? Place { get; private set; }
    public PlaceMap? Map { get; private set; }
    public NeighbourhoodName? Neighbourhood { get; private set; }
    public IReadOnlyList<string> ChosenAreas { get; private set; } = [];
    [TempData] public bool Saved { get; set; }

    private const int UnreadableRadius = -1;

    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Postcode { get; set; }
        public List<string> Roles { get; set; } = [];
        public List<string> Categories { get; set; } = [];
        public int? ServiceRadiusKm { get; set; }
        /// <summary>"Monday:Morning" per ticked box.</summary>
        public List<string> Availability { get; set; } = [];
        /// <summary>PC4 codes as typed: "1091, 1092 1093".</summary>
        public string? Areas { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var profile = await editor.GetAsync(User.RequiredUserId(), ct);
        if (profile is null) return NotFound();
        Show(profile);
        Input = new InputModel
        {
            DisplayName = profile.DisplayName,
            Postcode = profile.Place?.Postcode,
            Roles = [.. profile.Roles],
            Categories = [.. (profile.Volunteer?.Categories ?? []).Select(c => char.ToUpperInvariant(c[0]) + c[1..])],
            ServiceRadiusKm = profile.Volunteer?.ServiceRadiusKm ?? VolunteerProfile.DefaultRadiusKm,
            Availability = [.. (profile.Volunteer?.Availability ?? []).Select(s => $"{s.Day}:{s.Part}")],
            Areas = string.Join(", ", profile.Volunteer?.Areas ?? []),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A radius that is not a number is reported as out of range by the editor, with the other messages,
        // instead of being dropped and replaced by the default.
        if (ModelState["Input.ServiceRadiusKm"]?.Errors.Count > 0) Input.ServiceRadiusKm = UnreadableRadius;
        ModelState.Remove("Input.ServiceRadiusKm");
        var update = new ProfileUpdate(
            Input.DisplayName,
            Input.Postcode,
            Language: null,
            Input.Roles,
            new VolunteerSettings(Input.Categories, Input.ServiceRadiusKm, [.. AvailabilityGrid.Parse(Input.Availability)],
                (Input.Areas ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)));
        var (profile, errors) = await editor.UpdateAsync(User.RequiredUserId(), update, ct);
        if (profile is null)
        {
            errors.CopyTo(ModelState);
            if (await editor.GetAsync(User.RequiredUserId(), ct) is { } current) Show(current);
            return Page();
        }
        // The login cookie carries the roles: renew it so that a role just chosen counts at once.
        if (await signIn.UserManager.GetUserAsync(User) is { } user) await signIn.RefreshSignInAsync(user);
        Saved = true;
        return RedirectToPage();
    }

    private void Show(ProfileResponse profile)
    {
        Place = profile.Place;
        Neighbourhood = profile.Place is { } at ? neighbourhoods.For(at.Pc4) : null;
        var volunteer = profile.Roles.Contains(Roles.Volunteer) ? profile.Volunteer : null;
        ChosenAreas = volunteer?.Areas ?? [];
        // A radius drawn around home would mislead someone who chose areas instead.
        if (profile.Place is { } place)
            Map = PlaceMap.Around(postcodes, new GeoPoint(place.Latitude, place.Longitude), place.Pc4,
                ChosenAreas.Count == 0 ? volunteer?.ServiceRadiusKm : null);
    }
}
