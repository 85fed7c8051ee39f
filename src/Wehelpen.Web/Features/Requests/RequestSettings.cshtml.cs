using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// How the circle's unclaimed requests widen, and the volunteers it blocked. Every member may read the rules (they
/// decide who sees what the circle asks); only the hoofdpersoon and coördinators change them and see who is blocked.
/// </summary>
public sealed class RequestSettingsModel(CircleRequestSettings settings, IStringLocalizer<SharedResource> text) : CircleRequestPageModel
{
    public WideningPolicyResponse Policy { get; private set; } = default!;
    public IReadOnlyList<BlockedVolunteerResponse> Blocked { get; private set; } = [];

    [BindProperty] public PolicyForm Input { get; set; } = new();

    /// <summary>Typed as text, so that "twaalf" comes back as typed with a message instead of vanishing.</summary>
    public sealed class PolicyForm
    {
        public string? PersonHours { get; set; }
        public string? CircleHours { get; set; }
        public string? NeighbourhoodHours { get; set; }
        public bool WidenToNeighbourhood { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new PolicyForm
        {
            PersonHours = Policy.PersonHours.ToString(CultureInfo.InvariantCulture),
            CircleHours = Policy.CircleHours.ToString(CultureInfo.InvariantCulture),
            NeighbourhoodHours = Policy.NeighbourhoodHours.ToString(CultureInfo.InvariantCulture),
            WidenToNeighbourhood = Policy.WidenToNeighbourhood,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Membership.CanManage) return Forbid();
        var outcome = await settings.SetPolicyAsync(Membership,
            new WideningPolicyInput(Hours(Input.PersonHours), Hours(Input.CircleHours), Hours(Input.NeighbourhoodHours), Input.WidenToNeighbourhood), ct);
        if (outcome.Failed(ModelState))
        {
            await LoadAsync(ct);
            return Page();
        }
        Notice = text["CircleRequests.Settings.Saved"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnblockAsync(string volunteerId, CancellationToken ct)
    {
        if (!Membership.CanManage) return Forbid();
        var name = (await settings.BlockedAsync(Membership, ct)).FirstOrDefault(b => b.VolunteerId == volunteerId)?.DisplayName;
        await settings.UnblockAsync(Membership, volunteerId, ct);
        if (name is not null) Notice = text["CircleRequests.Settings.Unblocked", name];
        return RedirectToPage();
    }

    /// <summary>What happens to a request asked of one person on a Monday at 9:00, step by step, under this policy.</summary>
    public IEnumerable<string> Timeline()
    {
        yield return text["CircleRequests.Timeline.Start", Moment(0)];
        var hours = Policy.PersonHours;
        yield return text["CircleRequests.Timeline.Circle", Moment(hours), Duration(hours)];
        if (!Policy.WidenToNeighbourhood)
        {
            yield return text["CircleRequests.Timeline.StaysInCircle"];
            yield break;
        }
        hours += Policy.CircleHours;
        yield return text["CircleRequests.Timeline.Neighbourhood", Moment(hours), Duration(hours)];
        hours += Policy.NeighbourhoodHours;
        yield return text["CircleRequests.Timeline.Buurtteam", Moment(hours), Duration(hours)];
    }

    private static readonly DateTime ExampleStart = new(2026, 1, 5, 9, 0, 0); // a Monday

    private static string Moment(int hoursLater) => ExampleStart.AddHours(hoursLater).ToString("dddd HH:mm", CultureInfo.CurrentCulture);

    /// <summary>"4 uur", "36 uur", "3 dagen"; whole days from two days on.</summary>
    public string Duration(int hours) => hours switch
    {
        1 => text["CircleRequests.Timeline.Hour"],
        _ when hours < 48 || hours % 24 != 0 => text["CircleRequests.Timeline.Hours", hours],
        _ => text["CircleRequests.Timeline.Days", hours / 24],
    };

    /// <summary>Anything that is not a whole number is out of range, so the editor says what is allowed.</summary>
    private static int Hours(string? typed) =>
        int.TryParse(typed?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var hours) ? hours : 0;

    private async Task LoadAsync(CancellationToken ct)
    {
        Policy = await settings.PolicyAsync(Membership, ct);
        if (Membership.CanManage) Blocked = await settings.BlockedAsync(Membership, ct);
    }
}
