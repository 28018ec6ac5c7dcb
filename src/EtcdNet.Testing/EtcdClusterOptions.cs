namespace EtcdNet.Testing;

/// <summary>How <see cref="EtcdCluster.StartAsync(EtcdClusterOptions?, CancellationToken)"/> launches etcd.</summary>
public sealed record EtcdClusterOptions
{
    /// <summary>Number of members, 1 to 7 (1 and 3 are the tested sizes). Default 1.</summary>
    public int Members { get; init; } = 1;

    /// <summary>
    /// Extra etcd flags passed to every member after the launcher's own flags, for example
    /// <c>--max-request-bytes=1572864</c>. Default empty.
    /// </summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>
    /// Path of the etcd binary (a bare name is looked up on PATH). Default null: the ETCD_BINARY
    /// environment variable, else <c>etcd</c> on PATH.
    /// </summary>
    public string? EtcdBinary { get; init; }

    /// <summary>
    /// How long a start (of the cluster or of one member) and <see cref="EtcdCluster.GetLeaderAsync"/>
    /// may wait for etcd to become ready. Default 30 seconds.
    /// </summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Directory below which a unique per-cluster directory (data dirs and pid files) is created and,
    /// on dispose, deleted. Default null: /dev/shm when it exists, is writable and has room, else
    /// <see cref="Path.GetTempPath"/>.
    /// </summary>
    public string? DataRoot { get; init; }

    /// <summary>
    /// Receives every log line of every member, prefixed with the member name (<c>[m0] ...</c>), for
    /// test output. Calls never overlap. If it throws once it is not called again. Default null.
    /// </summary>
    public Action<string>? Log { get; init; }

    /// <summary>How many recent log lines are kept per member. Default 2000.</summary>
    public int LogLinesKept { get; init; } = 2000;

    /// <summary>
    /// Serve clients over TLS: the cluster creates a throwaway CA, a server certificate and a client
    /// certificate (see <see cref="EtcdCluster.Certificates"/>) and every member listens on
    /// <c>https://127.0.0.1:port</c> (peer traffic stays plain http). Default false: plain http.
    /// </summary>
    public bool Tls { get; init; }

    /// <summary>
    /// Require clients to present a certificate signed by the cluster's CA (etcd's
    /// <c>--client-cert-auth --trusted-ca-file</c>); use
    /// <see cref="EtcdTestCertificates.CreateClientSslOptions"/> with <c>includeClientCertificate: true</c>.
    /// Needs <see cref="Tls"/>. Default false.
    /// </summary>
    public bool ClientCertAuth { get; init; }

    /// <summary>
    /// Put a <see cref="TcpFaultProxy"/> in front of each member's client port and peer port (see
    /// <see cref="EtcdMember.ClientProxy"/>, <see cref="EtcdMember.PeerProxy"/>): the members advertise the proxies'
    /// URLs, so <see cref="EtcdCluster.ClientUrls"/>, member lists and peer traffic all go through them, and
    /// <see cref="EtcdCluster.Partition"/> can cut members off from their peers. Default false.
    /// </summary>
    public bool FaultProxies { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Members, 1, nameof(Members));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Members, 7, nameof(Members));
        ArgumentOutOfRangeException.ThrowIfLessThan(LogLinesKept, 1, nameof(LogLinesKept));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StartTimeout, TimeSpan.Zero, nameof(StartTimeout));
        ArgumentNullException.ThrowIfNull(ExtraArguments, nameof(ExtraArguments));
        if (ClientCertAuth && !Tls)
        {
            throw new ArgumentException("ClientCertAuth requires Tls.", nameof(ClientCertAuth));
        }
    }
}
