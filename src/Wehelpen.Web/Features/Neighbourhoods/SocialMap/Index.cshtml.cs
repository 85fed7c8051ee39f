using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Locations;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>
/// /social-map: the organisations of every stadsdeel; /social-map/{stadsdeel}: of one. Open to everyone, also without
/// an account: it lists organisations and how to reach them, nothing about people. A postcode typed in leads to its
/// stadsdeel.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(SocialMapQueries queries, PostcodeTable postcodes, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Null for the overview of all stadsdelen.</summary>
    public Stadsdeel? Stadsdeel { get; private set; }

    /// <summary>The stadsdelen shown, each with its organisations (maybe none yet).</summary>
    public IReadOnlyList<(Stadsdeel Stadsdeel, IReadOnlyList<OrganisationResponse> Organisations)> Sections { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Postcode { get; set; }

    /// <summary>Why the postcode typed in leads nowhere; null when none was typed or it was found.</summary>
    public string? PostcodeProblem { get; private set; }

    /// <summary>The gebied of the postcode typed in, said above the stadsdeel it lies in.</summary>
    public Area? PostcodeArea { get; private set; }

    /// <summary>The postcode typed in as it is written: "1055 KL".</summary>
    public string? PostcodeShown { get; private set; }

    [TempData] public string? SocialMapNotice { get; set; }

    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync(string? stadsdeel, CancellationToken ct)
    {
        if (stadsdeel is not null && (Stadsdeel = SocialMapQueries.FindStadsdeel(stadsdeel)) is null) return NotFound();
        if (!string.IsNullOrWhiteSpace(Postcode))
        {
            var (area, problem) = Find(Postcode);
            if (area is not null && area.Stadsdeel != Stadsdeel)
                return Redirect($"/social-map/{area.Stadsdeel.Code}?postcode={Uri.EscapeDataString(Postcode.Trim())}");
            (PostcodeArea, PostcodeProblem) = (area, problem);
        }
        var organisations = await queries.ListAsync(Stadsdeel, ct);
        Sections = (Stadsdeel is null ? AmsterdamAreas.Stadsdelen : [Stadsdeel])
            .Select(s => (s, (IReadOnlyList<OrganisationResponse>)organisations.Where(o => o.Stadsdeel == s.Code).ToList()))
            .ToList();
        return Page();
    }

    /// <summary>The gebied of a postcode, or why it has none: not a postcode, a post box, or outside Amsterdam and Weesp.</summary>
    private (Area? Area, string? Problem) Find(string typed)
    {
        var lookup = postcodes.Lookup(typed);
        if (lookup.Problem == Locations.PostcodeProblem.Malformed) return (null, PostcodeMessages.For(lookup, text));
        PostcodeShown = lookup.Postcode!.ToString();
        var pc4 = lookup.Postcode.Pc4;
        if (AmsterdamAreas.ForPc4(pc4) is { } area) return (area, null);
        if (lookup.Problem == Locations.PostcodeProblem.PostBox || AmsterdamAreas.PostBoxPc4s.Contains(pc4)) return (null, text["Postcode.PostBox", pc4]);
        return (null, text["SocialMap.OutsideAmsterdam", pc4]);
    }
}
