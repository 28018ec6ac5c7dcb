using System.Net.Http;
using System.Net.Sockets;

namespace EtcdNet.Transport;

/// <summary>Turns HTTP/2, TLS and socket failures into <see cref="GrpcCallException"/>s with gRPC status codes.</summary>
internal static class GrpcFailureMapper
{

    /// <summary>
    /// Maps a failure of SendAsync or of reading the response; returns null when the caller's
    /// token was cancelled (that cancellation propagates as it is).
    /// </summary>
    public static GrpcCallException? Map(Exception exception, GrpcEndpoint endpoint, bool requestSent, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null; // whatever broke, the caller cancelled first
        }

        switch (exception)
        {
            case OperationCanceledException:
                // Not our token: the handler gave up (connect timeout).
                return new(new GrpcStatus(GrpcStatusCode.Unavailable, $"cannot connect to {endpoint}: timed out (DialTimeout)"), requestSent ? CallFailureKind.Transport : CallFailureKind.Connect, requestSent, endpoint.Address, exception, ConnectionFault.DialTimeout);
            case GrpcCallException call:
                return call;
            case GrpcMessageTooLargeException:
            case ObjectDisposedException:
                return null;
            case InvalidDataException data:
                return new(new GrpcStatus(GrpcStatusCode.Internal, data.Message), CallFailureKind.Transport, requestSent, endpoint.Address, data);
        }

        if (endpoint.IsTls && !endpoint.SpokeGrpc && IsTlsFailure(exception))
        {
            // The TLS session failed or was refused (with TLS 1.3 a rejected client certificate arrives
            // as an alert after the handshake). No request reached etcd.
            return new(new GrpcStatus(GrpcStatusCode.Unavailable, TlsFailureMessage(endpoint, exception)), CallFailureKind.Connect, false, endpoint.Address, exception);
        }

        if (Find<HttpProtocolException>(exception) is { } protocolError)
        {
            return FromProtocolError(protocolError, endpoint, requestSent, exception);
        }

        if (exception is HttpRequestException http && FromRequestError(http, endpoint, requestSent) is { } failure)
        {
            return failure;
        }

        if (Find<SocketException>(exception) is { } socket && !requestSent)
        {
            return new(new GrpcStatus(GrpcStatusCode.Unavailable, $"cannot connect to {endpoint}: {socket.Message}"), CallFailureKind.Connect, false, endpoint.Address, exception);
        }

        return new(new GrpcStatus(GrpcStatusCode.Unavailable, $"connection to {endpoint} failed: {Describe(exception)}"), CallFailureKind.Transport, requestSent, endpoint.Address, exception);
    }

    /// <summary>An HTTP/2 error code from the peer (a reset stream or GOAWAY), or its reply that was not HTTP/2.</summary>
    private static GrpcCallException FromProtocolError(HttpProtocolException protocolError, GrpcEndpoint endpoint, bool requestSent, Exception exception)
    {
        var code = GrpcStatus.FromHttp2ErrorCode(protocolError.ErrorCode);
        // REFUSED_STREAM guarantees the server did not process the stream.
        var sent = requestSent && protocolError.ErrorCode != 0x7;
        // A PROTOCOL_ERROR from a peer that never produced a gRPC response: typically an HTTP/1.x
        // server answering the HTTP/2 preface with text. It cannot have applied the request.
        var notHttp2 = protocolError.ErrorCode == 0x1 && !endpoint.SpokeGrpc;
        return notHttp2
            ? NotHttp2(endpoint, "its reply was not valid HTTP/2", requestSent, exception)
            : new(new GrpcStatus(code == GrpcStatusCode.Internal ? GrpcStatusCode.Unavailable : code, $"HTTP/2 error from {endpoint}: {protocolError.Message}"), CallFailureKind.Transport, sent, endpoint.Address, exception, FaultOf(protocolError));
    }

    /// <summary>The failures <see cref="HttpRequestException.HttpRequestError"/> names precisely; null for the others.</summary>
    private static GrpcCallException? FromRequestError(HttpRequestException http, GrpcEndpoint endpoint, bool requestSent)
        => http.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError => CannotConnect(http, endpoint),
            HttpRequestError.ConnectionError when !requestSent => CannotConnect(http, endpoint),
            HttpRequestError.SecureConnectionError
                => new(new GrpcStatus(GrpcStatusCode.Unavailable, $"TLS handshake with {endpoint} failed: {Describe(http)}"), CallFailureKind.Connect, false, endpoint.Address, http),
            HttpRequestError.VersionNegotiationError or HttpRequestError.InvalidResponse => NotHttp2(endpoint, Describe(http), requestSent, http),
            HttpRequestError.HttpProtocolError when !requestSent => NotHttp2(endpoint, Describe(http), requestSent, http),
            _ => null,
        };

    private static GrpcCallException CannotConnect(HttpRequestException http, GrpcEndpoint endpoint)
        => new(new GrpcStatus(GrpcStatusCode.Unavailable, $"cannot connect to {endpoint}: {Describe(http)}"), CallFailureKind.Connect, false, endpoint.Address, http);

    /// <summary>Why a TLS session to <paramref name="endpoint"/> failed: the certificate check's own words, or a hint about client certificates.</summary>
    public static string TlsFailureMessage(GrpcEndpoint endpoint, Exception exception)
    {
        var rejected = Find<System.Security.Authentication.AuthenticationException>(exception);
        return rejected is not null && rejected.Message.StartsWith("the server certificate", StringComparison.Ordinal)
            ? $"the TLS connection to {endpoint} failed: {rejected.Message}"
            : $"the TLS connection to {endpoint} failed: {Describe(exception)}. If the server requires client certificates (--client-cert-auth), set EtcdTlsOptions.ClientCertificate to one signed by a CA it trusts.";
    }

    /// <summary>
    /// The peer answered, but is not an etcd gRPC server. <paramref name="requestSent"/> stays honest:
    /// a proxy could have forwarded the request before failing, so a write is not retried on that basis.
    /// </summary>
    public static GrpcCallException NotGrpc(GrpcEndpoint endpoint, string why, bool requestSent, Exception? inner = null, ConnectionFault fault = ConnectionFault.NotGrpc)
        => new(new GrpcStatus(GrpcStatusCode.Unavailable,
                $"{endpoint} is not an etcd gRPC endpoint: {why}. Check that the URL points at an etcd client port (--listen-client-urls)"
                + (endpoint.IsTls ? "." : ", and use https:// if that port serves TLS.")),
            CallFailureKind.Protocol, requestSent, endpoint.Address, inner, fault);

    /// <summary>The peer answered in something other than HTTP/2: <see cref="NotGrpc"/> with <see cref="ConnectionFault.NotHttp2"/>.</summary>
    public static GrpcCallException NotHttp2(GrpcEndpoint endpoint, string detail, bool requestSent, Exception? inner = null)
        => NotGrpc(endpoint, $"it does not speak HTTP/2 ({detail})", requestSent, inner, ConnectionFault.NotHttp2);

    /// <summary>
    /// What an HTTP/2 error says about the connection: a NO_ERROR close is the server shutting down on purpose; a
    /// PROTOCOL_ERROR raised by the client itself about a ping is the keep-alive giving up; anything else a reset.
    /// </summary>
    private static ConnectionFault FaultOf(HttpProtocolException error) => error.ErrorCode switch
    {
        0x0 => ConnectionFault.GoAway,
        0x1 when error.Message.Contains("ping", StringComparison.OrdinalIgnoreCase) => ConnectionFault.KeepAliveTimeout,
        _ => ConnectionFault.Reset,
    };

    private static bool IsTlsFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Security.Authentication.AuthenticationException
                || (e is ObjectDisposedException disposed && disposed.ObjectName?.Contains("SslStream", StringComparison.Ordinal) == true)
                || e.Message.Contains("SSL routines", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return ReferenceEquals(innermost, exception) || exception.Message.Contains(innermost.Message, StringComparison.Ordinal)
            ? exception.Message
            : $"{exception.Message} ({innermost.Message})";
    }
}
