namespace EtcdNet;

/// <summary>The etcd versions (what etcd's HTTP <c>/version</c> reports: <c>etcdserver</c> and <c>etcdcluster</c>).</summary>
public sealed class VersionResponse
{
    internal VersionResponse(string serverVersion, string? clusterVersion, string endpoint)
    {
        ServerVersion = serverVersion;
        ClusterVersion = clusterVersion;
        Endpoint = endpoint;
    }

    /// <summary>The version of the etcd server that answered, e.g. <c>3.4.23</c> (<c>etcdserver</c>).</summary>
    public string ServerVersion { get; }

    /// <summary>
    /// The version the cluster runs at, e.g. <c>3.4.0</c>: the lowest minor version of its members
    /// (<c>etcdcluster</c>). Null when the HTTP <c>/version</c> endpoint could not be read (a gRPC-only
    /// proxy in between); <see cref="ServerVersion"/> then comes from the Status call.
    /// </summary>
    public string? ClusterVersion { get; }

    /// <summary>The endpoint that answered.</summary>
    public string Endpoint { get; }
}
