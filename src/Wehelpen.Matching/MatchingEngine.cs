using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Quadtree;

namespace Wehelpen.Matching;

/// <summary>
/// Volunteers' service areas and open requests' points, indexed: radius volunteers in a grid by home per radius class
/// (<see cref="HomeGrid"/>), volunteers with chosen areas and the open requests in NetTopologySuite quadtrees keyed on
/// degree rectangles. Every distance is in metres on the earth. Answers Match (who hears about a request) and NearMe
/// (which requests a volunteer sees). Safe for many readers and one writer at a time; a change is seen by the next
/// query. It holds a copy: the database stays the source of truth, and the web app keeps this copy current.
/// </summary>
public sealed class MatchingEngine
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly MatchingOptions _options;
    private readonly HomeGrid _radiusVolunteers;
    private Quadtree<IndexedVolunteer> _areaVolunteers = new();
    private readonly Dictionary<string, IndexedVolunteer> _volunteers = new(StringComparer.Ordinal);
    private Quadtree<IndexedRequest> _requestIndex = new();
    private readonly Dictionary<Guid, IndexedRequest> _requests = [];

    public MatchingEngine(MatchingOptions options)
    {
        _options = options;
        _radiusVolunteers = new HomeGrid(options.MaxRadiusMetres);
    }

    public MatchingOptions Options => _options;

    public int VolunteerCount => Read(() => _volunteers.Count);
    public int RequestCount => Read(() => _requests.Count);

    /// <summary>Replaces everything, as at start-up.</summary>
    public void Load(IEnumerable<(Volunteer Volunteer, VolunteerStats Stats)> volunteers, IEnumerable<OpenRequest> requests)
    {
        var volunteerEntries = new Dictionary<string, IndexedVolunteer>(StringComparer.Ordinal);
        foreach (var (volunteer, stats) in volunteers)
        {
            if (!volunteerEntries.TryAdd(volunteer.Id, Indexed(volunteer, stats)))
                throw new ArgumentException($"Volunteer {volunteer.Id} appears twice.", nameof(volunteers));
        }
        var requestEntries = new Dictionary<Guid, IndexedRequest>();
        foreach (var request in requests)
        {
            if (!requestEntries.TryAdd(request.Id, new IndexedRequest(request)))
                throw new ArgumentException($"Request {request.Id} appears twice.", nameof(requests));
        }
        Write(() =>
        {
            _volunteers.Clear();
            _radiusVolunteers.Clear();
            _areaVolunteers = new();
            foreach (var (id, entry) in volunteerEntries) Add(entry);
            _requests.Clear();
            _requestIndex = new();
            foreach (var (id, entry) in requestEntries) AddRequest(entry);
        });
    }

    /// <summary>Adds a volunteer or takes in a change of place, radius, areas, categories or availability.</summary>
    public void Upsert(Volunteer volunteer, VolunteerStats stats)
    {
        var entry = Indexed(volunteer, stats);
        Write(() =>
        {
            RemoveVolunteer(volunteer.Id);
            Add(entry);
        });
    }

    /// <summary>Someone who stopped volunteering, or has no place any more.</summary>
    public bool Remove(string volunteerId) => Write(() => RemoveVolunteer(volunteerId));

    /// <summary>New load, reliability or alerts; the area stays where it is in the index.</summary>
    public void UpdateStats(string volunteerId, VolunteerStats stats) => Write(() =>
    {
        if (!_volunteers.TryGetValue(volunteerId, out var entry)) return;
        entry.Stats = stats;
        if (entry.Place is { } place) _radiusVolunteers.UpdateStats(place, stats);
        else entry.AreaCandidate.Take(stats);
    });

    public VolunteerStats? StatsOf(string volunteerId) => Read(() => _volunteers.TryGetValue(volunteerId, out var e) ? e.Stats : null);

    public Volunteer? Find(string volunteerId) => Read(() => _volunteers.TryGetValue(volunteerId, out var e) ? e.Volunteer : null);

    public void UpsertRequest(OpenRequest request)
    {
        var entry = new IndexedRequest(request);
        Write(() =>
        {
            RemoveOpenRequest(request.Id);
            AddRequest(entry);
        });
    }

    public bool RemoveRequest(Guid requestId) => Write(() => RemoveOpenRequest(requestId));

    /// <summary>Every volunteer who may be asked, the best <see cref="MatchQuery.Take"/> of them with their reasons.</summary>
    public MatchResult Match(MatchQuery query)
    {
        var prepared = new PreparedQuery(query, _options);
        var top = new TopK(query.Take);
        int eligible = 0, overCap = 0;
        var point = new Envelope(query.Longitude, query.Longitude, query.Latitude, query.Latitude);
        _lock.EnterReadLock();
        try
        {
            _radiusVolunteers.Match(prepared, top, ref eligible, ref overCap);
            // Chosen areas are never stretched: their rectangles hold every point they cover.
            foreach (var entry in _areaVolunteers.Query(point))
            {
                if (entry.AreaEnvelope.Contains(query.Longitude, query.Latitude))
                    MatchRules.Consider(in entry.AreaCandidate, prepared, top, ref eligible, ref overCap);
            }
        }
        finally { _lock.ExitReadLock(); }
        return new MatchResult(top.Explain(query), eligible, overCap);
    }

    /// <summary>
    /// The open requests in this volunteer's area, in their categories and day parts, not of circles that blocked
    /// them and not their own, nearest first. Empty for someone the engine does not hold.
    /// </summary>
    public IReadOnlyList<NearbyRequest> NearMe(string volunteerId, DateTimeOffset now, IReadOnlySet<Guid> blockedBy)
    {
        var seen = new List<NearbyRequest>();
        // Windows that already began all run from now: their day parts depend only on their end.
        var fromNow = new WeekSlots.FromMoment(now);
        Read(() =>
        {
            if (!_volunteers.TryGetValue(volunteerId, out var me)) return;
            var area = me.AreaEnvelope;
            _requestIndex.Query(area, new Visitor<IndexedRequest>(entry =>
            {
                var request = entry.Request;
                if (request.EndsAt > now && area.Contains(request.Longitude, request.Latitude)
                    && MatchRules.Sees(me.Volunteer, request, entry.SlotsAt(now, fromNow), blockedBy, out var distance))
                    seen.Add(new NearbyRequest(request.Id, distance));
            }));
        });
        seen.Sort(BruteForce.NearbyOrder);
        return seen;
    }

    private void Add(IndexedVolunteer entry)
    {
        _volunteers.Add(entry.Volunteer.Id, entry);
        if (entry.Volunteer.Area.IsChosenAreas) _areaVolunteers.Insert(entry.AreaEnvelope, entry);
        else entry.Place = _radiusVolunteers.Add(in entry.AreaCandidate);
    }

    private bool RemoveVolunteer(string volunteerId)
    {
        if (!_volunteers.Remove(volunteerId, out var old)) return false;
        if (old.Place is { } place) _radiusVolunteers.Remove(place);
        else _areaVolunteers.Remove(old.AreaEnvelope, old);
        return true;
    }

    private void AddRequest(IndexedRequest entry)
    {
        _requests.Add(entry.Request.Id, entry);
        _requestIndex.Insert(entry.Envelope, entry);
    }

    private bool RemoveOpenRequest(Guid requestId)
    {
        if (!_requests.Remove(requestId, out var old)) return false;
        _requestIndex.Remove(old.Envelope, old);
        return true;
    }

    // A stretched query looks around the point by the largest radius grown; a larger radius could be missed there.
    private IndexedVolunteer Indexed(Volunteer volunteer, VolunteerStats stats) =>
        volunteer.Area.IsChosenAreas || volunteer.Area.RadiusMetres <= _options.MaxRadiusMetres
            ? new IndexedVolunteer(volunteer, stats)
            : throw new ArgumentException($"A radius of {volunteer.Area.RadiusMetres} m is more than the {_options.MaxRadiusMetres} m matching allows.", nameof(volunteer));

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try { return read(); } finally { _lock.ExitReadLock(); }
    }

    private void Read(Action read) => Read(() => { read(); return 0; });

    private T Write<T>(Func<T> write)
    {
        _lock.EnterWriteLock();
        try { return write(); } finally { _lock.ExitWriteLock(); }
    }

    private void Write(Action write) => Write(() => { write(); return 0; });

    private sealed class IndexedVolunteer(Volunteer volunteer, VolunteerStats stats)
    {
        public Volunteer Volunteer { get; } = volunteer;
        public Envelope AreaEnvelope { get; } = volunteer.Area.Envelope();
        public VolunteerStats Stats { get; set; } = stats;

        /// <summary>The matching data: the grid copies it into its cell; a volunteer with chosen areas is matched from here.</summary>
        public Candidate AreaCandidate = Candidate.From(volunteer, stats);

        /// <summary>Where the grid keeps a radius volunteer; null for chosen areas.</summary>
        public HomeGrid.Place? Place;
    }

    private sealed class IndexedRequest(OpenRequest request)
    {
        // NetTopologySuite's quadtree files an item without extent as if it were a degree wide, which would put
        // every request near the root; a box of about a decimetre keeps each in a small node.
        private const double HalfSideDegrees = 1e-6;

        private int? _slotsWhileAhead;

        public OpenRequest Request { get; } = request;
        public Envelope Envelope { get; } = new(
            request.Longitude - HalfSideDegrees, request.Longitude + HalfSideDegrees,
            request.Latitude - HalfSideDegrees, request.Latitude + HalfSideDegrees);

        /// <summary>
        /// The day parts left of the request's window. Until it starts, that does not change, so it is worked out
        /// once; after, it is the window from now, which <paramref name="fromNow"/> gives for the whole query.
        /// </summary>
        public int SlotsAt(DateTimeOffset now, WeekSlots.FromMoment fromNow)
        {
            if (Request.StartsAt is not { } startsAt || startsAt <= now) return fromNow.Until(Request.EndsAt);
            return _slotsWhileAhead ??= WeekSlots.Covering(startsAt, Request.EndsAt, now);
        }
    }

    private sealed class Visitor<T>(Action<T> visit) : IItemVisitor<T>
    {
        public void VisitItem(T item) => visit(item);
    }
}
