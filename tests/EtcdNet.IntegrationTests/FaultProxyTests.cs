using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>
/// The fault proxy's own behaviour, byte for byte, in front of a plain TCP echo server (what is tested here is the
/// proxy, not etcd; etcd behind the proxy is tested in <see cref="NetworkFaultTests"/>).
/// </summary>
public sealed class FaultProxyTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly TcpListener _echo = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private TcpFaultProxy _proxy = null!;

    public Task InitializeAsync()
    {
        _echo.Start();
        _ = EchoAsync();
        _proxy = TcpFaultProxy.Start(((IPEndPoint)_echo.LocalEndpoint).Port);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _stop.CancelAsync();
        _echo.Stop();
    }

    [Fact]
    public async Task BytesPassBothWays_WithoutAFault()
    {
        using var client = await ConnectAsync();
        await SendAsync(client, "hello");
        Assert.Equal("hello", await ReceiveAsync(client, 5));
        Assert.Equal(1, _proxy.OpenConnections);
    }

    [Fact]
    public async Task ABlackHole_HoldsTheBytes_AndDeliversThemInOrderWhenHealed()
    {
        using var client = await ConnectAsync();
        _proxy.Inject(NetworkFault.BlackHole, FaultDirection.ToServer);
        await SendAsync(client, "abc");
        await SendAsync(client, "def");
        var pending = ReceiveAsync(client, 6);
        await Task.Delay(300); // nothing may arrive while the fault lasts
        Assert.False(pending.IsCompleted, "bytes crossed a black hole");
        _proxy.Heal();
        Assert.Equal("abcdef", await pending.WaitAsync(Wait));
    }

    [Fact]
    public async Task ABlackHoleOneWay_LetsTheOtherWayThrough()
    {
        using var client = await ConnectAsync();
        _proxy.Inject(NetworkFault.BlackHole, FaultDirection.ToClient);
        await SendAsync(client, "ping");
        var pending = ReceiveAsync(client, 4);
        await Task.Delay(300);
        Assert.False(pending.IsCompleted);
        _proxy.Inject(NetworkFault.None, FaultDirection.ToClient);
        Assert.Equal("ping", await pending.WaitAsync(Wait));
    }

    [Fact]
    public async Task ACut_DeliversExactlyTheGivenBytes_ThenResetsTheConnection()
    {
        using var client = await ConnectAsync();
        _proxy.Inject(NetworkFault.CutAfter(7), FaultDirection.ToClient);
        await SendAsync(client, "0123456789");
        var received = new MemoryStream();
        var buffer = new byte[64];
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            while (true)
            {
                var read = await client.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(Wait);
                if (read == 0)
                {
                    throw new EndOfStreamException("closed gracefully, not reset");
                }

                received.Write(buffer, 0, read);
            }
        });
        Assert.Equal("0123456", System.Text.Encoding.ASCII.GetString(received.ToArray()));
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(error).SocketErrorCode);
    }

    [Fact]
    public async Task Refuse_RefusesNewConnections_KeepsOpenOnes_AndHealingListensAgain()
    {
        using var open = await ConnectAsync();
        _proxy.Inject(NetworkFault.Refuse);
        using (var refused = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            var error = await Assert.ThrowsAsync<SocketException>(() => refused.ConnectAsync(IPAddress.Loopback, _proxy.Port));
            Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
        }

        await SendAsync(open, "still");
        Assert.Equal("still", await ReceiveAsync(open, 5));
        _proxy.Heal();
        using var again = await ConnectAsync();
        await SendAsync(again, "back");
        Assert.Equal("back", await ReceiveAsync(again, 4));
    }

    [Fact]
    public async Task Reset_ResetsOpenConnections_AndEveryNewOneUntilHealed()
    {
        using var open = await ConnectAsync();
        await SendAsync(open, "x");
        Assert.Equal("x", await ReceiveAsync(open, 1));
        _proxy.Inject(NetworkFault.Reset);
        await AssertResetAsync(open);
        await AssertNewConnectionResetAsync();

        _proxy.Heal();
        using var after = await ConnectAsync();
        await SendAsync(after, "ok");
        Assert.Equal("ok", await ReceiveAsync(after, 2));
    }

    [Fact]
    public async Task Latency_DelaysEveryChunk_AndKeepsTheOrder()
    {
        using var client = await ConnectAsync();
        _proxy.Inject(NetworkFault.Latency(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(50)), FaultDirection.ToServer);
        var started = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(client, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal("01234", await ReceiveAsync(client, 5));
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(190), $"the round trip took {started.ElapsedMilliseconds} ms");
    }

    /// <summary>A connection made while the reset fault lasts is reset: its connect may already see it, or its first use does.</summary>
    private async Task AssertNewConnectionResetAsync()
    {
        Socket during;
        try
        {
            during = await ConnectAsync();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return;
        }

        using (during)
        {
            await AssertResetAsync(during);
        }
    }

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, _proxy.Port);
        return socket;
    }

    private static async Task SendAsync(Socket socket, string text) =>
        await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(text), SocketFlags.None);

    private static async Task<string> ReceiveAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None).AsTask().WaitAsync(Wait);
            if (read == 0)
            {
                throw new EndOfStreamException();
            }

            filled += read;
        }

        return System.Text.Encoding.ASCII.GetString(buffer);
    }

    private static async Task AssertResetAsync(Socket socket)
    {
        var error = await Assert.ThrowsAsync<SocketException>(async () =>
        {
            var buffer = new byte[16];
            while (true)
            {
                if (await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(Wait) == 0)
                {
                    throw new EndOfStreamException("closed gracefully, not reset");
                }
            }
        });
        Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
    }

    private async Task EchoAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _echo.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using var socket = accepted;
                var buffer = new byte[4096];
                try
                {
                    int read;
                    while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                    {
                        await socket.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
                    }
                }
                catch (SocketException)
                {
                    // reset by the proxy
                }
            });
        }
    }
}
