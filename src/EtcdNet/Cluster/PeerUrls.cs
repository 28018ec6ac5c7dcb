using System.Globalization;

namespace EtcdNet.Cluster;

/// <summary>
/// Checks peer URLs before MemberAdd and MemberUpdate, as etcd's Go client does (types.NewURLs): a
/// URL etcd cannot use would otherwise be stored in the membership and break the cluster's raft traffic.
/// </summary>
internal static class PeerUrls
{
    private static readonly string[] Schemes = ["http", "https", "unix", "unixs"];

    /// <exception cref="ArgumentException">No URL, or one that is not <c>scheme://host:port</c>.</exception>
    public static string[] Validate(IEnumerable<string> peerUrls, string paramName)
    {
        ArgumentNullException.ThrowIfNull(peerUrls, paramName);
        var urls = peerUrls.ToArray();
        if (urls.Length == 0)
        {
            throw new ArgumentException("At least one peer URL is required.", paramName);
        }

        foreach (var url in urls)
        {
            if (Problem(url) is { } problem)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{url}' is not a valid peer URL: {problem}."), paramName);
            }
        }

        return urls;
    }

    private static string? Problem(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "it is empty";
        }

        var separator = url.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0 || !Schemes.Contains(url[..separator].ToLowerInvariant()))
        {
            return "use http://host:port or https://host:port (or unix://, unixs://)";
        }

        var authority = url[(separator + 3)..];
        if (authority.IndexOfAny(['/', '?', '#']) >= 0)
        {
            return "it must not contain a path";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return "it is malformed";
        }

        var colon = authority.LastIndexOf(':');
        var port = colon > authority.LastIndexOf(']') ? authority[(colon + 1)..] : string.Empty;
        return colon <= 0 || !ushort.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? "it needs a host and a port"
            : null;
    }
}
