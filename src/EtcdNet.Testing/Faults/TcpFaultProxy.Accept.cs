using System.Net;
using System.Net.Sockets;
using EtcdNet.Testing.Internal;

namespace EtcdNet.Testing;

/// <summary>Accepting connections and connecting each to the target.</summary>
public sealed partial class TcpFaultProxy
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Accepts on one listener until it is closed (a refuse fault, or dispose).</summary>
    private async Task AcceptLoopAsync(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_shutdown.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return; // closed
            }

            Interlocked.Increment(ref _accepted);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        client.NoDelay = true;
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        ProxyConnection? connection = null;
        try
        {
            using (var connectDeadline = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token))
            {
                connectDeadline.CancelAfter(ConnectTimeout);
                await server.ConnectAsync(_target, connectDeadline.Token).ConfigureAwait(false);
            }

            var origin = IdentifyOrigin?.Invoke((IPEndPoint)client.RemoteEndPoint!);
            connection = new ProxyConnection(this, client, server, origin);
            bool reset;
            lock (_lock)
            {
                reset = _disposed || _connectionFault.Kind == NetworkFaultKind.Reset;
                if (!reset)
                {
                    _connections.Add(connection);
                }
            }

            if (reset)
            {
                connection.Reset();
                return;
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            ProxyConnection.ResetSocket(client); // the target refused or did not answer: so does the proxy
            ProxyConnection.ResetSocket(server);
            return;
        }

        await connection.RunAsync().ConfigureAwait(false);
    }
}
