using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Auth;

/// <summary>
/// Holds the auth token of a client with credentials: authenticates once on demand (concurrent callers
/// share one Authenticate call), hands the token out as <c>token</c> metadata, and forgets it when etcd
/// reports it invalid or outdated so that the next call authenticates again. When etcd answers that
/// authentication is not enabled (an administrator disabled it), calls go on without a token until one is
/// refused for the lack of it ("user name is empty", once auth is enabled again), which authenticates anew.
/// The token and password are never logged or put in messages.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "SemaphoreSlim holds no OS handle unless AvailableWaitHandle is used.")]
internal sealed class AuthTokenProvider
{
    private const string TokenHeader = "token";

    /// <summary>The token state meaning "auth is not enabled: send no token".</summary>
    private const string NoToken = "";

    // etcd 3.4's maintenance calls (defragment, snapshot, hash, ...) check the token themselves and pass the auth
    // package's own error text on, without the "etcdserver:" form the other services use.
    private static readonly HashSet<string> StaleTokenMessages = new(StringComparer.Ordinal)
    {
        "etcdserver: invalid auth token",
        "etcdserver: revision of auth store is old",
        "etcdserver: user name is empty",
        "auth: invalid auth token",
        "auth: revision of auth store is old",
        "auth: user name is empty",
    };

    private readonly string _username;
    private readonly string _password;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;

    public AuthTokenProvider(string username, string password)
    {
        _username = username;
        _password = password;
    }

    /// <summary>True when etcd's error means the token must be renewed (the request was not applied).</summary>
    public static bool IsStaleToken(GrpcCallException failure)
        => failure.Kind == CallFailureKind.Status && failure.Status.Message is { } message && StaleTokenMessages.Contains(message);

    /// <summary>True when a watch was refused because of its stream's token.</summary>
    public static bool IsStaleToken(string? cancelReason) => cancelReason is not null && StaleTokenMessages.Contains(Errors.EtcdErrorCatalog.Normalize(cancelReason));

    /// <summary>The metadata carrying a current token, authenticating first if there is none.</summary>
    public async ValueTask<IReadOnlyList<KeyValuePair<string, string>>> GetMetadataAsync(RpcInvoker invoker, CancellationToken cancellationToken)
        => await GetTokenAsync(invoker, cancellationToken).ConfigureAwait(false) is { Length: > 0 } token ? [new(TokenHeader, token)] : [];

    /// <summary>
    /// Forgets the token <paramref name="metadata"/> carried (or, when it carried none, that auth was not enabled),
    /// unless another caller already replaced it.
    /// </summary>
    public void Invalidate(IReadOnlyList<KeyValuePair<string, string>>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        var sent = NoToken;
        foreach (var (key, value) in metadata)
        {
            if (key == TokenHeader)
            {
                sent = value;
            }
        }

        Interlocked.CompareExchange(ref _token, null, sent);
    }

    private async ValueTask<string> GetTokenAsync(RpcInvoker invoker, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _token) is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _token) is { } fresh)
            {
                return fresh;
            }

            var request = new AuthenticateRequest { Name = _username, Password = _password };
            AuthenticateResponse response;
            try
            {
                response = await invoker.UnaryAsync(AuthMethods.Authenticate, request, invoker.RequestTimeout, withToken: false, cancellationToken).ConfigureAwait(false);
            }
            catch (EtcdAuthNotEnabledException)
            {
                Volatile.Write(ref _token, NoToken); // nothing to authenticate against: call without a token
                return NoToken;
            }

            Volatile.Write(ref _token, response.Token);
            invoker.Diagnostics.AuthTokenRefreshed(_username);
            return response.Token;
        }
        finally
        {
            _gate.Release();
        }
    }
}
