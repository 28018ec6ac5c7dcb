using System.Globalization;

namespace EtcdNet.Testing.Internal;

/// <summary>Everything fixed about a member for the life of its cluster.</summary>
/// <param name="Name">Member name (<c>m0</c>...).</param>
/// <param name="ClientPort">Loopback client port.</param>
/// <param name="PeerPort">Loopback peer port.</param>
/// <param name="ClientUrl">The client URL etcd listens on (<c>http://</c> or, with TLS, <c>https://</c>); the launcher's own checks use it.</param>
/// <param name="AdvertisedClientUrl">The client URL given to clients: <paramref name="ClientUrl"/>, or its fault proxy's.</param>
/// <param name="ClientProxyPort">The port of the fault proxy in front of the client port, or 0 without proxies.</param>
/// <param name="PeerProxyPort">The port of the fault proxy in front of the peer port (what the other members dial), or 0.</param>
/// <param name="Binary">Full path of the etcd binary.</param>
/// <param name="Arguments">The complete etcd command line (without the binary).</param>
/// <param name="PidFile">Where the current pid is written.</param>
/// <param name="StartTimeout">How long a start may take.</param>
internal sealed record MemberSetup(
    string Name,
    int ClientPort,
    int PeerPort,
    string ClientUrl,
    string AdvertisedClientUrl,
    int ClientProxyPort,
    int PeerProxyPort,
    string Binary,
    IReadOnlyList<string> Arguments,
    string PidFile,
    TimeSpan StartTimeout)
{
    /// <summary>A plain-text loopback URL, as used for peer traffic.</summary>
    internal static string Url(int port) => Url(Uri.UriSchemeHttp, port);

    /// <summary>A loopback URL with the given scheme.</summary>
    internal static string Url(string scheme, int port) => string.Create(CultureInfo.InvariantCulture, $"{scheme}://127.0.0.1:{port}");

    /// <summary>How many loopback ports a cluster started with <paramref name="options"/> needs.</summary>
    internal static int PortsNeeded(EtcdClusterOptions options) => (options.FaultProxies ? 4 : 2) * options.Members;

    /// <summary>
    /// Builds the setups of all members of a new cluster. With <paramref name="certificates"/> the
    /// client URLs are https and etcd gets the server certificate (and, with client certificate
    /// authentication, the CA to check clients against). <paramref name="ports"/> holds the client ports, then the
    /// peer ports, then (with <see cref="EtcdClusterOptions.FaultProxies"/>) the client and peer proxy ports: the
    /// members advertise the proxies' URLs, so clients and peers go through them.
    /// </summary>
    internal static MemberSetup[] ForCluster(EtcdClusterOptions options, string binary, string clusterDirectory, int[] ports, EtcdTestCertificates? certificates)
    {
        var count = options.Members;
        var names = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"m{i}")).ToArray();
        var proxied = options.FaultProxies;
        int PeerAddressPort(int i) => proxied ? ports[(3 * count) + i] : ports[count + i];
        var initialCluster = string.Join(',', names.Select((name, i) => $"{name}={Url(PeerAddressPort(i))}"));
        var token = "etcdnet-" + Guid.NewGuid().ToString("N");
        var clientScheme = certificates is null ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;
        var tlsArguments = TlsArguments(options, certificates);
        var setups = new MemberSetup[count];
        for (var i = 0; i < count; i++)
        {
            var clientUrl = Url(clientScheme, ports[i]);
            var advertisedClientUrl = proxied ? Url(clientScheme, ports[(2 * count) + i]) : clientUrl;
            var peerUrl = Url(ports[count + i]);
            string[] arguments =
            [
                "--name", names[i],
                "--data-dir", Path.Combine(clusterDirectory, names[i] + ".data"),
                "--listen-client-urls", clientUrl,
                "--advertise-client-urls", advertisedClientUrl,
                "--listen-peer-urls", peerUrl,
                "--initial-advertise-peer-urls", Url(PeerAddressPort(i)),
                "--initial-cluster", initialCluster,
                "--initial-cluster-state", "new",
                "--initial-cluster-token", token,
                "--logger", "zap",
                "--log-outputs", "stderr",
                .. tlsArguments,
                .. options.ExtraArguments,
            ];
            setups[i] = new MemberSetup(
                names[i],
                ports[i],
                ports[count + i],
                clientUrl,
                advertisedClientUrl,
                proxied ? ports[(2 * count) + i] : 0,
                proxied ? ports[(3 * count) + i] : 0,
                binary,
                arguments,
                Path.Combine(clusterDirectory, names[i] + ".pid"),
                options.StartTimeout);
        }

        return setups;
    }

    private static string[] TlsArguments(EtcdClusterOptions options, EtcdTestCertificates? certificates)
    {
        if (certificates is null)
        {
            return [];
        }

        string[] serving = ["--cert-file", certificates.ServerCertificatePath, "--key-file", certificates.ServerKeyPath];
        return options.ClientCertAuth
            ? [.. serving, "--client-cert-auth", "--trusted-ca-file", certificates.CaCertificatePath]
            : serving;
    }
}
