using System.Text;

namespace EtcdNet.Resilience;

/// <summary>Prints <see cref="FailurePolicy"/>'s table as Markdown, for docs/resilience.md (a test keeps the two equal).</summary>
internal static class FailureTable
{
    private static readonly CallKind[] Columns = [CallKind.Read, CallKind.Write, CallKind.Member, CallKind.Stream];

    /// <summary>How each failure kind is recognised, for the first column.</summary>
    private static readonly Dictionary<FailureKind, string> Signs = new()
    {
        [FailureKind.Refused] = "connection refused, name not resolved, TLS handshake failed, HTTP/2 REFUSED_STREAM",
        [FailureKind.BlackHole] = "no connection within `DialTimeout`; a stream that stopped answering",
        [FailureKind.Reset] = "connection or stream reset or closed after the request may have left",
        [FailureKind.KeepAliveTimeout] = "HTTP/2 ping unanswered within `KeepAliveTimeout`",
        [FailureKind.GoAway] = "the member closed the connection on purpose (GOAWAY, NO_ERROR)",
        [FailureKind.NotEtcd] = "the peer answered, but not in gRPC (a web server, a proxy)",
        [FailureKind.NoLeader] = "`etcdserver: no leader`",
        [FailureKind.LeaderChanged] = "`etcdserver: leader changed`",
        [FailureKind.Unavailable] = "any other status Unavailable (server stopped, request timed out, unhealthy cluster)",
        [FailureKind.WrongCredentials] = "`etcdserver: authentication failed, invalid user ID or password`",
        [FailureKind.StaleToken] = "`invalid auth token`, `revision of auth store is old`, `user name is empty`",
        [FailureKind.PermissionDenied] = "`etcdserver: permission denied`",
        [FailureKind.Unimplemented] = "status Unimplemented",
        [FailureKind.Compacted] = "`etcdserver: mvcc: required revision has been compacted`",
        [FailureKind.RequestTooLarge] = "over `MaxSendMessageSize` (not sent), or `etcdserver: request is too large`",
        [FailureKind.Rejected] = "InvalidArgument, NotFound, FailedPrecondition, OutOfRange, ResourceExhausted, ...",
        [FailureKind.ServerError] = "Unknown, Internal, Cancelled, Aborted, DataLoss from the server",
        [FailureKind.CancelledByCaller] = "the caller's `CancellationToken`",
        [FailureKind.Deadline] = "the call's deadline (`RequestTimeout` or its own)",
    };

    /// <summary>The table: one row per failure kind, one column per call kind.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| failure | recognised by | read | write | member | stream |\n");
        text.Append("|---|---|---|---|---|---|\n");
        foreach (var kind in Enum.GetValues<FailureKind>())
        {
            text.Append("| ").Append(kind).Append(" | ").Append(Signs[kind]);
            foreach (var call in Columns)
            {
                text.Append(" | ").Append(Cell(call, kind));
            }

            text.Append(" |\n");
        }

        return text.ToString();
    }

    private static string Cell(CallKind call, FailureKind kind)
    {
        var sent = FailurePolicy.Rule(call, kind, requestSent: true);
        var notSent = FailurePolicy.Rule(call, kind, requestSent: false);
        return sent == notSent ? sent.ToString() : $"{notSent}; if it may have been sent: {sent}";
    }
}
