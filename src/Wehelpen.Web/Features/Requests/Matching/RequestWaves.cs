using Microsoft.EntityFrameworkCore;
using Wehelpen.Matching;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Matching;

namespace Wehelpen.Web.Features.Requests.Matching;

/// <summary>A volunteer asked in a wave, and how far the request is from their home, rounded as they are told it.</summary>
public sealed record AskedVolunteer(string VolunteerId, int DistanceMetres);

/// <summary>Who has been asked about one request so far, and in how many waves.</summary>
public sealed class AskedSoFar(int waves, IEnumerable<string> volunteers)
{
    public int Waves { get; internal set; } = waves;
    public HashSet<string> Volunteers { get; } = new(volunteers, StringComparer.Ordinal);
}

/// <summary>How far matching got with a request, as the circle may know it: how many were asked per wave, never who.</summary>
/// <param name="AskedPerWave">Volunteers asked in wave 1, 2, ...: one number per wave asked so far.</param>
public sealed record WaveSummary(IReadOnlyList<int> AskedPerWave, int TotalWaves, int WavesAtOwnRadius)
{
    public int Waves => AskedPerWave.Count;
    public int Asked => AskedPerWave.Sum();
    public bool Widened(int wave) => wave > WavesAtOwnRadius;
}

/// <summary>
/// Asks the neighbourhood in waves: the first when the request opens to the neighbourhood
/// (<see cref="RequestSweeper.AskFirstWaveAsync"/>), the later ones by the request sweep. The best <see cref="MatchingOptions.WaveSize"/> first;
/// if nobody claims within <see cref="MatchingOptions.WaveInterval"/> the next ones; the last waves with every
/// radius stretched by <see cref="MatchingOptions.WidenFactor"/>; after them the buurtteam. Wave k+1 is due k
/// intervals after the request reached the neighbourhood: with a sweep every minute that is "when wave k is an
/// interval old", and a sweep that comes late (the app was down) catches up at once, as the widening does.
/// A wave that finds nobody still counts, so that a request with no volunteers around still reaches the buurtteam.
/// </summary>
public sealed class RequestWaves(WehelpenDbContext db, MatchingEngine engine, MatchingMetrics metrics)
{
    private MatchingOptions Options => engine.Options;

    /// <summary>Open neighbourhood requests whose next wave is due.</summary>
    public async Task<List<Guid>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var total = Options.TotalWaves;
        var open = await db.Set<HelpRequest>()
            .Where(r => r.Status == RequestStatus.Open && r.Audience == RequestAudience.Neighbourhood && r.EndsAt > now)
            .Select(r => new { r.Id, r.AudienceSince, Waves = r.Events.Count(e => e.Change == RequestChange.AskedNearby) })
            .Where(r => r.Waves < total)
            .ToListAsync(ct);
        return open.Where(r => WaveDueAt(r.AudienceSince, r.Waves) <= now).Select(r => r.Id).ToList();
    }

    public async Task<AskedSoFar> AskedAsync(Guid requestId, CancellationToken ct)
    {
        var waves = await db.Set<RequestEvent>().CountAsync(e => e.RequestId == requestId && e.Change == RequestChange.AskedNearby, ct);
        var volunteers = await db.Set<RequestAlert>().Where(a => a.RequestId == requestId).Select(a => a.VolunteerId).ToListAsync(ct);
        return new AskedSoFar(waves, volunteers);
    }

    public async Task<WaveSummary> SummaryAsync(Guid requestId, CancellationToken ct)
    {
        var waves = await db.Set<RequestEvent>().CountAsync(e => e.RequestId == requestId && e.Change == RequestChange.AskedNearby, ct);
        var perWave = await db.Set<RequestAlert>().Where(a => a.RequestId == requestId)
            .GroupBy(a => a.Wave).Select(g => new { Wave = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Wave, g => g.Count, ct);
        return new WaveSummary(Enumerable.Range(1, waves).Select(w => perWave.GetValueOrDefault(w)).ToList(), Options.TotalWaves, Options.WavesAtOwnRadius);
    }

    public bool IsDue(HelpRequest r, AskedSoFar asked, DateTimeOffset now) =>
        r.Status == RequestStatus.Open && r.Audience == RequestAudience.Neighbourhood && r.EndsAt > now
        && asked.Waves < Options.TotalWaves && WaveDueAt(r.AudienceSince, asked.Waves) <= now;

    /// <summary>Every wave ran and the last one had its interval: only now may the buurtteam be asked.</summary>
    public bool Finished(HelpRequest r, AskedSoFar asked, DateTimeOffset now) =>
        asked.Waves >= Options.TotalWaves && WaveDueAt(r.AudienceSince, Options.TotalWaves) <= now;

    /// <summary>
    /// Asks the next wave: alerts and an event, saved with the sweep's save. The request's version is checked but
    /// not raised: a claim that came first makes this save fail (nobody is asked about a taken request), and a wave
    /// that came first never makes a claim fail.
    /// </summary>
    /// <returns>The volunteers asked in this wave: they are alerted live once the save is committed.</returns>
    public async Task<IReadOnlyList<AskedVolunteer>> AskAsync(HelpRequest r, AskedSoFar asked, DateTimeOffset now, CancellationToken ct)
    {
        var wave = asked.Waves + 1;
        var query = Query(r, now) with
        {
            Blocked = await BlockedAsync(r.CircleId, ct),
            Exclude = asked.Volunteers,
            RadiusFactor = RadiusFactor(wave),
        };
        var result = metrics.Time(MatchingMetrics.Match, () => engine.Match(query));
        foreach (var match in result.Top)
        {
            db.Add(new RequestAlert
            {
                RequestId = r.Id,
                VolunteerId = match.VolunteerId,
                Wave = wave,
                AlertedAt = now,
                Score = match.Score,
                DistanceMetres = match.Reasons.DistanceMetres,
                Widened = match.Reasons.Widened,
            });
            asked.Volunteers.Add(match.VolunteerId);
        }
        // No logbook line: the circle reads the waves in the request's history, as numbers only.
        db.Add(new RequestEvent { RequestId = r.Id, Change = RequestChange.AskedNearby, Audience = RequestAudience.Neighbourhood, At = now });
        db.Entry(r).Property(x => x.Version).IsModified = true;
        asked.Waves = wave;
        return result.Top.Select(m => new AskedVolunteer(m.VolunteerId, Distances.Rounded(m.Reasons.DistanceMetres))).ToList();
    }

    /// <summary>The question matching answers for this request, as a wave at the volunteers' own radius asks it.</summary>
    public MatchQuery Query(HelpRequest r, DateTimeOffset now) =>
        new(r.Latitude, r.Longitude, (int)r.Category, WeekSlots.Covering(r.StartsAt, r.EndsAt, now), now, Options.WaveSize)
        {
            RequesterId = r.RequestedById,
        };

    /// <summary>The volunteers the circle does not want: never asked, however well they match.</summary>
    public async Task<IReadOnlySet<string>> BlockedAsync(Guid circleId, CancellationToken ct) =>
        (await db.Set<VolunteerBlock>().Where(b => b.CircleId == circleId).Select(b => b.VolunteerId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    public double RadiusFactor(int wave) => wave > Options.WavesAtOwnRadius ? Options.WidenFactor : 1;

    private DateTimeOffset WaveDueAt(DateTimeOffset audienceSince, int wavesBefore) => audienceSince + Options.WaveInterval * wavesBefore;
}
