using System.Net;
using System.Net.Sockets;

namespace EtcdNet.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback port where connecting hangs: a listener that never accepts, with its accept queue
/// filled, so the kernel drops further SYNs (as a firewall that drops packets would).
/// </summary>
public sealed class BlackHoleEndpoint : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _fillers = [];

    public BlackHoleEndpoint()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        for (var i = 0; i < 4; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
            try
            {
                filler.Connect(IPAddress.Loopback, Port);
            }
            catch (SocketException)
            {
                // in progress, or queued: either way it occupies the queue
            }

            _fillers.Add(filler);
        }
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>True when a fresh connection attempt does not complete within <paramref name="wait"/>.</summary>
    public async Task<bool> SwallowsConnectionsAsync(TimeSpan wait)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var cts = new CancellationTokenSource(wait);
        try
        {
            await probe.ConnectAsync(IPAddress.Loopback, Port, cts.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
    }
}
