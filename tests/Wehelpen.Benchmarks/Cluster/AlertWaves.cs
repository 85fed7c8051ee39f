using Wehelpen.Matching;
using Wehelpen.Web.Features.Requests.Matching;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>
/// The alerts the request sweep would have made by now: each request's waves of ten volunteers (two at their own
/// radius, then one stretched), a wave every two hours from when it was asked of the neighbourhood, as RequestWaves
/// asks them: the same engine and options, in time order over all requests, each alert counting towards the
/// volunteer's weekly cap. So some volunteers' nearby lists carry an "asked of you" part, as in a city where matching
/// runs. The waves' history lines (RequestEvents) are left out: neither the nearby list nor the home page reads them.
/// </summary>
internal static class AlertWaves
{
    public static List<RequestAlert> Make(NeighbourhoodData data, DateTimeOffset now)
    {
        var options = new MatchingOptions();
        var engine = new MatchingEngine(options);
        var points = data.Points;
        var volunteers = data.Volunteers.Select(v => new Volunteer(v.Id,
            ServiceArea.Radius(points.Latitudes[v.Point], points.Longitudes[v.Point], v.RadiusKm * 1000.0), v.Categories, v.Availability)).ToArray();
        engine.Load(volunteers.Select(v => (v, VolunteerStats.None)), []);
        var byId = volunteers.ToDictionary(v => v.Id);
        var recent = new Dictionary<string, List<DateTimeOffset>>();

        var waves = data.Requests
            .SelectMany(r => Enumerable.Range(1, options.TotalWaves).Select(wave => (Request: r, Wave: wave, At: r.PostedAt + options.WaveInterval * (wave - 1))))
            .Where(w => w.At <= now && w.At < w.Request.EndsAt)
            .OrderBy(w => w.At);
        var asked = new Dictionary<Guid, HashSet<string>>();
        var alerts = new List<RequestAlert>();
        foreach (var (request, wave, at) in waves)
        {
            var circle = data.Circles[request.Circle];
            var before = asked.TryGetValue(request.Id, out var set) ? set : asked[request.Id] = new HashSet<string>(StringComparer.Ordinal);
            var result = engine.Match(new MatchQuery(points.Latitudes[circle.Point], points.Longitudes[circle.Point], request.Category,
                WeekSlots.Covering(request.StartsAt, request.EndsAt, at), at, options.WaveSize)
            {
                RequesterId = circle.ResidentId,
                Exclude = before,
                RadiusFactor = wave > options.WavesAtOwnRadius ? options.WidenFactor : 1,
            });
            foreach (var match in result.Top)
            {
                alerts.Add(new RequestAlert
                {
                    RequestId = request.Id, VolunteerId = match.VolunteerId, Wave = wave, AlertedAt = at, Score = match.Score,
                    DistanceMetres = match.Reasons.DistanceMetres, Widened = match.Reasons.Widened,
                });
                before.Add(match.VolunteerId);
                // The weekly cap and the fairness weight see this alert from now on.
                var times = recent.TryGetValue(match.VolunteerId, out var list) ? list : recent[match.VolunteerId] = [];
                times.Add(at);
                engine.Upsert(byId[match.VolunteerId], new VolunteerStats(0, 0, 0, [.. times]));
            }
        }
        return alerts;
    }
}
