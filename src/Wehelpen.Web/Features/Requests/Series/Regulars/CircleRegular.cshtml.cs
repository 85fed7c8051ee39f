using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Requests.Series.Regulars;

/// <summary>
/// /circles/{circleId}/regulars/{regularId}: a volunteer's offer to be the regular volunteer of one of the circle's
/// series, or the arrangement since. Every member reads it; whoever asked the series, the hoofdpersoon and the
/// coördinators accept, decline or end it. An arrangement of another circle is not found.
/// </summary>
public sealed class CircleRegularModel(RegularQueries queries, RegularArrangements arrangements, IStringLocalizer<SharedResource> text) : CircleRequestPageModel
{
    public RegularResponse Regular { get; private set; } = default!;

    /// <summary>Whether this member may answer or end it (the service checks again).</summary>
    public bool MayAct { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid regularId, CancellationToken ct) =>
        await LoadAsync(regularId, ct) ? Page() : NotFound();

    [EnableRateLimiting(RegularApi.WriteLimit)]
    public Task<IActionResult> OnPostAcceptAsync(Guid regularId, CancellationToken ct) =>
        ActAsync(regularId, () => arrangements.AnswerAsync(Membership.UserId, regularId, accept: true, ct),
            r => r.HandedOver == 0 ? text["Regular.Accepted.Notice", r.VolunteerName] : text["Regular.Accepted.NoticeHanded", r.VolunteerName, r.HandedOver], ct);

    [EnableRateLimiting(RegularApi.WriteLimit)]
    public Task<IActionResult> OnPostDeclineAsync(Guid regularId, CancellationToken ct) =>
        ActAsync(regularId, () => arrangements.AnswerAsync(Membership.UserId, regularId, accept: false, ct),
            r => text["Regular.Declined.Notice", r.VolunteerName], ct);

    [EnableRateLimiting(RegularApi.WriteLimit)]
    public Task<IActionResult> OnPostEndAsync(Guid regularId, CancellationToken ct) =>
        ActAsync(regularId, () => arrangements.EndAsync(Membership.UserId, regularId, ct),
            r => r.HandedOver == 0 ? text["Regular.Ended.NoticeCircle", r.VolunteerName] : text["Regular.Ended.NoticeCircleGivenBack", r.VolunteerName, r.HandedOver], ct);

    private async Task<IActionResult> ActAsync(Guid regularId, Func<Task<Hosting.Outcome<RegularResponse>>> act, Func<RegularResponse, string> notice, CancellationToken ct)
    {
        // Found in this circle first: an arrangement of another circle is not found, whatever the member may do there.
        if (!await LoadAsync(regularId, ct)) return NotFound();
        var done = await act();
        if (done.Failed(ModelState)) return await LoadAsync(regularId, ct) ? Page() : NotFound();
        Notice = notice(done.Value!);
        return Redirect(Path(Membership.CircleId, regularId));
    }

    private async Task<bool> LoadAsync(Guid regularId, CancellationToken ct)
    {
        if (await queries.GetAsync(Membership.UserId, regularId, ct) is not { } regular || regular.CircleId != Membership.CircleId) return false;
        Regular = regular;
        MayAct = Membership.CanManage || await queries.AskedSeriesAsync(Membership.UserId, regular.SeriesId, ct);
        return true;
    }

    public static string Path(Guid circleId, Guid regularId) => RegularNotices.CirclePath(circleId, regularId);
}
