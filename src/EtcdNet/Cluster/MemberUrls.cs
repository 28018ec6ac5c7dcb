using EtcdNet.Resilience;

namespace EtcdNet.Cluster;

/// <summary>
/// Which of a member's advertised client URLs the client may use. A client that reaches etcd over
/// TLS only never switches to a member's plain-text URL: its token and password must not travel in
/// clear because a member advertises http.
/// </summary>
internal static class MemberUrls
{
    public static bool RequireTls(RpcInvoker invoker) => invoker.Pool.Endpoints.All(e => e.IsTls);

    public static IEnumerable<string> Usable(IEnumerable<string> urls, bool requireTls)
        => requireTls ? urls.Where(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) : urls;
}
