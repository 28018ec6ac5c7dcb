namespace EtcdNet;

/// <summary>Whether authentication is enabled, and the auth store's revision (etcd 3.5 and later).</summary>
public sealed class AuthStatusResponse
{
    internal AuthStatusResponse(Protocol.Rpc.AuthStatusResponse response)
    {
        Header = ResponseHeader.From(response.Header);
        Enabled = response.Enabled;
        AuthRevision = response.AuthRevision;
    }

    /// <summary>The response header.</summary>
    public ResponseHeader Header { get; }

    /// <summary>True when authentication is enabled.</summary>
    public bool Enabled { get; }

    /// <summary>The revision of the auth store (users, roles, permissions).</summary>
    public ulong AuthRevision { get; }
}
