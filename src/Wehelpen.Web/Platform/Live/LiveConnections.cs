using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Wehelpen.Web.Platform.Cluster;

namespace Wehelpen.Web.Platform.Live;

/// <summary>
/// Who is connected to this node's hub, and which circles' live traffic each connection gets. The circles come from
/// the product (<see cref="ILiveAudience"/>, from the database), when a connection opens and again whenever that person's memberships change; never from the
/// client. A person is online while they have a connection; going away is announced only after a short grace, so
/// that going from page to page (a new connection each time) does not flicker. With several nodes, whoever is
/// online on another node counts too (<see cref="SharedPresence"/>), and a person is announced as gone only when
/// they are gone from every node.
/// </summary>
public sealed partial class LiveConnections
{
    private readonly ConcurrentDictionary<string, Person> _people = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Person> _byConnection = new(StringComparer.Ordinal);
    private readonly LiveClients hub;
    private readonly ILiveAudience audience;
    private readonly LiveOptions options;
    private readonly SharedPresence presence;
    private readonly LiveMetrics metrics;
    private readonly ILogger<LiveConnections> logger;

    public LiveConnections(LiveClients hub, ILiveAudience audience, LiveOptions options, SharedPresence presence,
        IClusterBus bus, LiveMetrics metrics, ILogger<LiveConnections> logger)
    {
        (this.hub, this.audience, this.options, this.presence, this.metrics, this.logger) = (hub, audience, options, presence, metrics, logger);
        bus.OnNodesGone(NodesGoneAsync);
        bus.OnRejoined(RejoinedAsync);
    }

    public static string CircleGroup(Guid circleId) => $"circle:{circleId:N}";

    public int ConnectionCount => _byConnection.Count;

    /// <summary>Of these people, the ones online on this node or another.</summary>
    public async Task<HashSet<string>> OnlineAsync(IEnumerable<string> userIds)
    {
        var online = new HashSet<string>(StringComparer.Ordinal);
        var elsewhere = new List<string>();
        foreach (var id in userIds.Distinct(StringComparer.Ordinal))
        {
            if (IsOnlineHere(id)) online.Add(id);
            else elsewhere.Add(id);
        }
        online.UnionWith(await presence.ElsewhereAsync(elsewhere));
        return online;
    }

    /// <summary>Everyone online (here or on another node) with the volunteer role, or else the professional role, as their sign-in says.</summary>
    public async Task<HashSet<string>> OnlineWithRoleAsync(bool volunteers)
    {
        var online = _people.Values.Where(p => p.Online && (volunteers ? p.IsVolunteer : p.IsProfessional)).Select(p => p.UserId)
            .ToHashSet(StringComparer.Ordinal);
        online.UnionWith(await presence.ElsewhereWithRoleAsync(volunteers));
        return online;
    }

    private bool IsOnlineHere(string userId) => _people.TryGetValue(userId, out var person) && person.Online;

    /// <summary>Whether this connection gets the circle's traffic now: for the hub methods that need to know at once.</summary>
    public bool InCircle(string connectionId, Guid circleId) =>
        _byConnection.TryGetValue(connectionId, out var person) && person.Circles.Contains(circleId);

    /// <summary>The display name of the person on this connection, as read when it opened.</summary>
    public string NameOf(string connectionId) => _byConnection.TryGetValue(connectionId, out var person) ? person.Name : "";

    public async Task ConnectedAsync(string connectionId, string userId, ClaimsPrincipal user)
    {
        var roles = audience.RolesOf(user);
        while (true)
        {
            var person = _people.GetOrAdd(userId, id => new Person(id));
            await person.Gate.WaitAsync();
            try
            {
                // Went away for good a moment ago, between GetOrAdd and the gate: start afresh.
                if (person.Retired) continue;
                person.IsVolunteer = roles.Volunteer;
                person.IsProfessional = roles.Professional;
                person.Connections.Add(connectionId);
                _byConnection[connectionId] = person;
                person.AwayVersion++;
                try
                {
                    var (name, circles) = await ReadAsync(userId);
                    person.Name = name;
                    foreach (var circle in circles) await hub.Groups.AddToGroupAsync(connectionId, CircleGroup(circle));
                    await ApplyAsync(person, circles);
                }
                catch
                {
                    // The hub closes a connection whose start failed without calling OnDisconnected: forget it here.
                    person.Connections.Remove(connectionId);
                    _byConnection.TryRemove(connectionId, out _);
                    throw;
                }
                metrics.Opened();
                if (!person.Online)
                {
                    person.Online = true;
                    await TellOtherNodesAsync(() => presence.HereAsync(userId, person.IsVolunteer, person.IsProfessional));
                    await AnnounceAsync(person, person.Circles, online: true);
                }
                return;
            }
            finally
            {
                person.Gate.Release();
            }
        }
    }

    public async Task DisconnectedAsync(string connectionId)
    {
        if (!_byConnection.TryRemove(connectionId, out var person)) return;
        metrics.Closed();
        int version;
        await person.Gate.WaitAsync();
        try
        {
            person.Connections.Remove(connectionId);
            if (person.Connections.Count > 0) return;
            version = ++person.AwayVersion;
        }
        finally
        {
            person.Gate.Release();
        }
        if (options.OfflineGrace <= TimeSpan.Zero) await GoneAsync(person, version);
        else _ = GoneAfterGraceAsync(person, version);
    }

    /// <summary>
    /// Someone joined, left or was removed from a circle: their open connections get exactly the circles they are in
    /// now, the circles hear who came or went, and a circle they left tells their open pages so.
    /// </summary>
    public async Task MembershipChangedAsync(string userId)
    {
        if (!_people.TryGetValue(userId, out var person)) return;
        await person.Gate.WaitAsync();
        try
        {
            if (person.Retired) return;
            var (_, circles) = await ReadAsync(userId);
            await ApplyAsync(person, circles);
        }
        finally
        {
            person.Gate.Release();
        }
    }

    private async Task ApplyAsync(Person person, IReadOnlySet<Guid> circles)
    {
        var added = circles.Except(person.Circles).ToList();
        var removed = person.Circles.Except(circles).ToList();
        foreach (var connection in person.Connections)
        {
            foreach (var circle in added) await hub.Groups.AddToGroupAsync(connection, CircleGroup(circle));
            foreach (var circle in removed) await hub.Groups.RemoveFromGroupAsync(connection, CircleGroup(circle));
        }
        person.Circles = circles;
        if (!person.Online) return;
        await AnnounceAsync(person, added, online: true);
        await AnnounceAsync(person, removed, online: false);
        foreach (var circle in removed) await hub.Clients.User(person.UserId).SendAsync(LiveEvents.LeftCircle, new LeftCircleNotice(circle));
    }

    private async Task GoneAfterGraceAsync(Person person, int version)
    {
        try
        {
            await Task.Delay(options.OfflineGrace);
            await GoneAsync(person, version);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not tell the circles of {UserId} that they went away.", person.UserId);
        }
    }

    private async Task GoneAsync(Person person, int version)
    {
        await person.Gate.WaitAsync();
        try
        {
            // Came back within the grace: nothing to tell.
            if (person.AwayVersion != version || person.Connections.Count > 0) return;
            person.Online = false;
            person.Retired = true;
            _people.TryRemove(new KeyValuePair<string, Person>(person.UserId, person));
            await TellOtherNodesAsync(() => presence.AwayAsync(person.UserId));
            if ((await presence.ElsewhereAsync([person.UserId])).Count > 0) return;
            await AnnounceAsync(person, person.Circles, online: false);
        }
        finally
        {
            person.Gate.Release();
        }
    }

    private async Task AnnounceAsync(Person person, IEnumerable<Guid> circles, bool online)
    {
        foreach (var circle in circles)
            await hub.Clients.Group(CircleGroup(circle)).SendAsync(LiveEvents.Presence, new PresenceNotice(circle, person.UserId, person.Name, online));
    }

    private async Task<(string Name, IReadOnlySet<Guid> Circles)> ReadAsync(string userId)
    {
        var member = await audience.ReadAsync(userId, CancellationToken.None);
        return (member.Name, member.Circles);
    }

    /// <summary>One person on this node. Changed only under <see cref="Gate"/>; <see cref="Circles"/> is replaced, never changed, so it can be read without it.</summary>
    public sealed class Person(string userId)
    {
        public string UserId { get; } = userId;
        public string Name { get; set; } = "";
        public bool IsVolunteer { get; set; }
        public bool IsProfessional { get; set; }
        public volatile bool Online;
        public volatile IReadOnlySet<Guid> Circles = new HashSet<Guid>();
        internal SemaphoreSlim Gate { get; } = new(1, 1);
        internal HashSet<string> Connections { get; } = new(StringComparer.Ordinal);
        internal int AwayVersion { get; set; }
        internal bool Retired { get; set; }
    }
}

/// <param name="OfflineGrace">How long someone may be without a connection before their circles hear they went away.</param>
public sealed record LiveOptions(TimeSpan OfflineGrace);
