using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace EtcdNet.UnitTests;

/// <summary>
/// A loopback TLS server offering h2 that records the server name (SNI) of each handshake and then
/// closes the connection.
/// </summary>
internal sealed class LoopbackTlsServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly TaskCompletionSource<string> _firstServerName = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LoopbackTlsServer(X509Certificate2 certificate)
    {
        _certificate = certificate;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The SNI of the first handshake ("" when the client sent none).</summary>
    public Task<string> FirstServerName => _firstServerName.Task;

    public void Dispose() => _listener.Dispose();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var connection = await _listener.AcceptTcpClientAsync();
                _ = HandshakeAsync(connection);
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            // stopped
        }
    }

    private async Task HandshakeAsync(TcpClient connection)
    {
        using (connection)
        {
            await using var ssl = new SslStream(connection.GetStream());
            try
            {
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificateSelectionCallback = (_, name) =>
                    {
                        _firstServerName.TrySetResult(name ?? string.Empty);
                        return _certificate;
                    },
                    ApplicationProtocols = [SslApplicationProtocol.Http2],
                });
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
            {
                // the client rejected us: fine for these tests
            }
        }
    }
}
