using System.Net.Sockets;
using System.Security.Authentication;

namespace EtcdNet.Transport.Http2;

/// <summary>Why an HTTP/2 connection could not be made, as a call failure: nothing was sent.</summary>
internal sealed partial class Http2Connection
{
    private static Exception ConnectFailure(Exception e, GrpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException(cancellationToken);
        }

        if (e is SocketException { SocketErrorCode: SocketError.TimedOut } || e.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut })
        {
            e = new OperationCanceledException(e.Message, e); // the dial timeout ran out during connect, TLS or the HTTP/2 preface
        }

        return e switch
        {
            OperationCanceledException => new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, $"cannot connect to {endpoint}: timed out (DialTimeout)"), CallFailureKind.Connect, false, endpoint.Address, e, ConnectionFault.DialTimeout),
            NotHttp2Exception => GrpcFailureMapper.NotHttp2(endpoint, e.Message, requestSent: false, e),
            AuthenticationException => new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, GrpcFailureMapper.TlsFailureMessage(endpoint, e)), CallFailureKind.Connect, false, endpoint.Address, e),
            SocketException socket => new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, $"cannot connect to {endpoint}: {socket.Message}"), CallFailureKind.Connect, false, endpoint.Address, e),
            _ when endpoint.IsTls => new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, GrpcFailureMapper.TlsFailureMessage(endpoint, e)), CallFailureKind.Connect, false, endpoint.Address, e),
            _ => new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, $"cannot connect to {endpoint}: {e.Message}"), CallFailureKind.Connect, false, endpoint.Address, e),
        };
    }
}
