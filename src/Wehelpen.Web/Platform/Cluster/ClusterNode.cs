namespace Wehelpen.Web.Platform.Cluster;

/// <summary>
/// This process among the nodes that share one database. <see cref="Name"/> is what the operator calls it
/// (Cluster__NodeName; logs and the admin pages show it); <see cref="Id"/> is unique to this start of the process, so
/// that two processes given the same name by mistake, or a node and its own restart, are never taken for each other.
/// </summary>
public sealed class ClusterNode
{
    public ClusterNode(string? name)
    {
        // '|' separates the parts of a bus notification.
        Name = (string.IsNullOrWhiteSpace(name) ? $"{Environment.MachineName}-{Environment.ProcessId}" : name.Trim()).Replace('|', '-');
        Id = $"{(Name.Length > 60 ? Name[..60] : Name)}~{Guid.NewGuid().ToString("N")[..12]}";
    }

    public string Name { get; }

    public string Id { get; }

    /// <summary>The one node of this process, for the features that name it while the services are being built (Quartz's instance id).</summary>
    public static ClusterNode Of(WebApplicationBuilder builder)
    {
        var properties = ((IHostApplicationBuilder)builder).Properties;
        if (properties.TryGetValue(typeof(ClusterNode), out var known)) return (ClusterNode)known;
        var node = new ClusterNode(builder.Configuration["Cluster:NodeName"]);
        properties[typeof(ClusterNode)] = node;
        return node;
    }
}
