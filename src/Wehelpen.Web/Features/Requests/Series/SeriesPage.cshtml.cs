using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Requests.Series.Regulars;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Series;

/// <summary>
/// One series of the circle: its rule in words, its occurrences, the dates to come, and for whoever asked, the
/// hoofdpersoon and the coördinators, changing it or stopping it from a date on. Another circle's series (or a made-up
/// id) is not found, for the page and for every handler alike.
/// </summary>
public sealed class SeriesPageModel(SeriesOverviews overviews, SeriesManagement management, RegularQueries regulars, IStringLocalizer<SharedResource> text)
    : CircleRequestPageModel
{
    public SeriesOverview Overview { get; private set; } = default!;

    /// <summary>Its regular volunteers, and offers waiting for an answer (Regulars).</summary>
    public IReadOnlyList<RegularResponse> Regulars { get; private set; } = [];

    [BindProperty] public ChangeForm Change { get; set; } = new();
    [BindProperty] public StopForm Stop { get; set; } = new();

    /// <summary>From which date the series goes on as <see cref="Request"/> says (its place and audience stay as they are).</summary>
    public sealed class ChangeForm
    {
        public string? On { get; set; }
        public RequestForm Request { get; set; } = new();
    }

    public sealed class StopForm
    {
        public string? From { get; set; }
        public string? Reason { get; set; }
    }

    public static string PathOf(Guid circleId, Guid seriesId) => $"/circles/{circleId}/series/{seriesId}";

    /// <summary>The forms are shown while the series still has a date to come: there is nothing left to change or stop after it.</summary>
    public bool ShowsForms => Overview.MayChange && SeriesRule.Dates(Overview.Series).Any(d => d >= Overview.Today);

    public async Task<IActionResult> OnGetAsync(Guid seriesId, CancellationToken ct)
    {
        if (!await LoadAsync(seriesId, ct)) return NotFound();
        FillChange();
        Stop.From = Change.On;
        return Page();
    }

    [EnableRateLimiting(SeriesApi.ChangeLimit)]
    public async Task<IActionResult> OnPostStopAsync(Guid seriesId, CancellationToken ct)
    {
        if (!await LoadAsync(seriesId, ct)) return NotFound();
        var errors = new FieldErrors();
        var from = errors.OptionalDate(text, "from", Stop.From);
        var outcome = errors.Any ? errors : await management.StopAsync(Membership.UserId, seriesId, new StopSeriesInput(from, Stop.Reason), ct);
        if (outcome.Failed(ModelState, nameof(Stop)))
        {
            FillChange();
            return Page();
        }
        Notice = text["Series.Page.Stopped", SeriesWords.Day(from!.Value)];
        return Redirect(PathOf(Membership.CircleId, seriesId));
    }

    [EnableRateLimiting(SeriesApi.ChangeLimit)]
    public async Task<IActionResult> OnPostChangeAsync(Guid seriesId, CancellationToken ct)
    {
        if (!await LoadAsync(seriesId, ct)) return NotFound();
        var s = Overview.Series;
        // The form asks only what, when and how often; the rest stays as the series has it.
        var form = Change.Request;
        (form.Category, form.Postcode, form.Address, form.Phone) = (s.Category.ToString(), s.Postcode, s.Address, s.ContactPhone);
        (form.Audience, form.AddressedToId, form.AppointmentId, form.AppointmentDate, form.OfferId) = (s.Audience.ToString(), s.AddressedToId, null, null, null);
        var errors = new FieldErrors();
        var on = errors.OptionalDate(text, "date", Change.On);
        var request = form.Read(errors, text);
        var outcome = errors.Any ? errors : await management.ChangeFromAsync(Membership.UserId, seriesId, new ChangeSeriesInput(on, request), ct);
        if (outcome.Value is not { } changed)
        {
            if (outcome.Errors is { } e) ShowChangeErrors(e);
            if (outcome.Refusal is { } refusal) ModelState.AddModelError("", refusal.Message);
            Stop.From = Change.On;
            return Page();
        }
        Notice = string.Join(" ", WhatHappened(changed).Prepend(text["Series.Page.Changed", SeriesWords.Day(on!.Value)].Value));
        return Redirect(PathOf(Membership.CircleId, changed.Series.Id));
    }

    /// <summary>Which occurrences stay with their helper (to talk the new time over with them), and how many open ones were asked anew.</summary>
    private IEnumerable<string> WhatHappened(SeriesChanged changed)
    {
        foreach (var kept in changed.KeptWithHelper.GroupBy(k => k.ClaimedByName ?? ""))
            yield return text[kept.Count() == 1 ? "Series.Page.KeptOne" : "Series.Page.KeptMany",
                string.Join(", ", kept.Select(k => SeriesWords.Day(k.On))), kept.Key];
        if (changed.Cancelled > 0) yield return text["Series.Page.Cancelled", changed.Cancelled];
    }

    /// <summary>
    /// The series' messages about the date it changes from are keyed "from", as is the start time of the request, and
    /// the first occurrence's "date" is that same date: they are shown at the date field, the rest at their own field.
    /// </summary>
    private void ShowChangeErrors(FieldErrors errors)
    {
        var aboutTheDate = new[] { "Series.FromRequired", "Series.FromInThePast", "Series.AlreadyEnded" }.Select(k => text[k].Value).ToHashSet();
        var (date, fields) = (new FieldErrors(), new FieldErrors());
        foreach (var (field, messages) in errors.ToDictionary())
            foreach (var message in messages)
                if (field is "date" or "before" || (field == "from" && aboutTheDate.Contains(message))) date.Add("on", message);
                else fields.Add(field, message);
        date.CopyTo(ModelState, nameof(Change));
        fields.CopyTo(ModelState, $"{nameof(Change)}.{nameof(ChangeForm.Request)}");
    }

    /// <summary>The change form starts as the series is now, from its next date, keeping its rule.</summary>
    private void FillChange()
    {
        var s = Overview.Series;
        var next = Overview.Made.Select(o => o.On).Concat(Overview.ToCome).Where(d => d >= Overview.Today).Order().Cast<DateOnly?>().FirstOrDefault();
        Change.On = next?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Change.Request = new RequestForm
        {
            Title = s.Title, Description = s.Description, Flexible = s.Flexible,
            From = s.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture), Until = s.EndTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
    }

    private async Task<bool> LoadAsync(Guid seriesId, CancellationToken ct)
    {
        if (await overviews.GetAsync(Membership, seriesId, ct) is not { } overview) return false;
        Overview = overview;
        Regulars = await regulars.OfSeriesAsync(Membership.UserId, seriesId, ct);
        return true;
    }
}
