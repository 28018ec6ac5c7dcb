using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EtcdNet;

public sealed partial record EtcdClientOptions
{
    /// <summary>
    /// Where the client logs what it does on its own: endpoints connected or set aside, retries and why
    /// they stopped, watch streams opened and watches resumed, leases lost, auth tokens obtained
    /// (categories <c>EtcdNet.*</c>; event ids in docs/observability.md). Passwords, tokens and values
    /// are never logged. Default: <see cref="NullLoggerFactory.Instance"/> (no logging); null means the same.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
