using Wehelpen.Benchmarks.Cluster;

namespace Wehelpen.Benchmarks.Live;

/// <summary>
/// The hubs of a cluster's nodes, straight (not through nginx, whose round robin would spread the connections by
/// chance): every connection on node a, or connection c on node a when c is even and on node b when it is odd. A
/// circle's ten members are consecutive people, so in the second case five of them are on each node, and every
/// message reaches half its circle through the PostgreSQL bus. People log in through the proxy.
/// </summary>
internal sealed class ClusterHubs(ClusterUnderTest cluster, bool spread) : ILiveServer
{
    private readonly Uri[] _hubs = [.. new[] { cluster.NodeA, cluster.NodeB }.OfType<Uri>().Select(n => new UriBuilder(n) { Scheme = "ws", Path = "/hubs/live" }.Uri)];

    public Uri LoginAddress => cluster.Proxy;
    public int Nodes => spread ? _hubs.Length : 1;
    public int NodeOf(int connection) => spread ? connection % _hubs.Length : 0;
    public Uri HubOf(int node) => _hubs[node];

    /// <summary>Both nodes, also when only node a has connections: node b still hears every message on the bus.</summary>
    public IReadOnlyList<int> Pids => cluster.NodePids;

    public int ErrorLines => cluster.ErrorLines;
}
