using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Logbook;
using Wehelpen.Web.Features.Notes;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Workload;

/// <param name="WentAlong">Appointments gone along to in the last weeks.</param>
/// <param name="TakenOn">Appointments said yes to in the coming weeks.</param>
/// <param name="Requests">Help requests of the circle they have taken on, or did in the last weeks.</param>
/// <param name="ShareOfTasks">WentAlong + TakenOn + Requests as a share of the whole circle's, 0 to 1.</param>
public sealed record MemberWorkload(
    string UserId, string DisplayName, CircleRole Role, int WentAlong, int TakenOn, int Requests, int LogbookEntries, int NoteEdits, double ShareOfTasks);

/// <param name="Overloaded">Whoever carries more than half of the circle's tasks, when there are enough to say so.</param>
public sealed record WorkloadResponse(int Weeks, DateTimeOffset From, DateTimeOffset Until, IReadOnlyList<MemberWorkload> Members, MemberWorkload? Overloaded);

/// <summary>
/// Who in the circle has done and taken on how much: so that a carer who does nearly everything is seen before
/// they burn out. Tasks are the appointments someone went or goes along to and the circle's help requests they took on;
/// writing in the logbook and notes is
/// shown beside them but weighs less, and does not count towards the share.
/// </summary>
public sealed class CircleWorkload(
    CircleManagement circles, AgendaPlanner agenda, CircleLogbook logbook, NoteActivity notes, RequestQueries requests,
    TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public static readonly IReadOnlyList<int> WeekChoices = [2, 4, 8, 12];
    public const int DefaultWeeks = 4;

    /// <summary>Fewer tasks than this in the whole circle say nothing about who carries most.</summary>
    private const int TasksBeforeJudging = 3;

    public async Task<Outcome<WorkloadResponse>> ForAsync(CircleMembership me, int? weeks, CancellationToken ct)
    {
        var span = weeks ?? DefaultWeeks;
        if (!WeekChoices.Contains(span))
            return new FieldErrors().Add("weeks", text["Workload.WeeksChoice", string.Join(", ", WeekChoices)]);

        var now = clock.GetUtcNow();
        var from = now.AddDays(-7 * span);
        var until = now.AddDays(7 * span);
        var companions = await agenda.CompanionsAsync(me.CircleId, from, until, ct);
        // Writing happens up to now; the end of the period is simply later than anything written.
        var entries = await logbook.CountByAuthorAsync(me.CircleId, from, until, ct);
        var edits = await notes.SavesPerMemberAsync(me.CircleId, from, until, ct);
        var members = await circles.MembersAsync(me.CircleId, ct);
        var helped = await requests.TakenOnByMemberAsync(me.CircleId, from, ct);

        var totalTasks = members.Sum(m => companions.Count(c => c.UserId == m.UserId) + helped.GetValueOrDefault(m.UserId));
        var rows = members
            .Select(m =>
            {
                var wentAlong = companions.Count(c => c.UserId == m.UserId && c.OccurrenceStartUtc < now);
                var takenOn = companions.Count(c => c.UserId == m.UserId && c.OccurrenceStartUtc >= now);
                var requestsTaken = helped.GetValueOrDefault(m.UserId);
                return new MemberWorkload(m.UserId, m.DisplayName, m.Role, wentAlong, takenOn, requestsTaken,
                    entries.GetValueOrDefault(m.UserId), edits.GetValueOrDefault(m.UserId),
                    totalTasks == 0 ? 0 : (double)(wentAlong + takenOn + requestsTaken) / totalTasks);
            })
            .OrderByDescending(r => r.WentAlong + r.TakenOn + r.Requests).ThenByDescending(r => r.LogbookEntries + r.NoteEdits)
            .ToList();
        var overloaded = rows.Count > 1 && totalTasks >= TasksBeforeJudging ? rows.FirstOrDefault(r => r.ShareOfTasks > 0.5) : null;
        return new WorkloadResponse(span, from, until, rows, overloaded);
    }
}
