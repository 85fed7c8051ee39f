namespace Wehelpen.Benchmarks.Live;

/// <summary>Where the live load goes: the one app (<see cref="AppUnderTest"/>), or the nodes of a cluster (<see cref="ClusterHubs"/>).</summary>
internal interface ILiveServer
{
    /// <summary>Where people log in.</summary>
    Uri LoginAddress { get; }

    /// <summary>How many nodes the connections are spread over.</summary>
    int Nodes { get; }

    /// <summary>The node connection <paramref name="connection"/> opens its hub on (0 = the first).</summary>
    int NodeOf(int connection);

    Uri HubOf(int node);

    /// <summary>The processes whose CPU and memory are the server's.</summary>
    IReadOnlyList<int> Pids { get; }

    /// <summary>Error entries the server logged so far.</summary>
    int ErrorLines { get; }
}
