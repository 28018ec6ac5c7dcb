using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EtcdNet.IntegrationTests.Infrastructure;

/// <summary>
/// A small HTTP forward proxy on loopback: a CONNECT opens a tunnel to the host it names; any other request (in
/// absolute form, <c>GET http://host:port/path</c>) goes, with the rest of its connection, to the host it names
/// (etcd accepts the absolute form). It records the first line of every connection.
/// </summary>
internal sealed class ForwardProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public ForwardProxy()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>The request line each client connection started with.</summary>
    public ConcurrentQueue<string> RequestLines { get; } = new();

    /// <summary>Everything clients sent through the proxy, as Latin-1 text.</summary>
    public string Forwarded
    {
        get
        {
            lock (_forwarded)
            {
                return _forwarded.ToString();
            }
        }
    }

    private readonly StringBuilder _forwarded = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var inbound = client.GetStream();
                var head = await ReadHeadAsync(inbound);
                var line = head[..head.IndexOf("\r\n", StringComparison.Ordinal)];
                RequestLines.Enqueue(line);
                var parts = line.Split(' ');
                var connect = parts[0] == "CONNECT";
                var target = connect ? new Uri("http://" + parts[1]) : new Uri(parts[1]);
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(target.Host, target.Port, _stop.Token);
                var outbound = upstream.GetStream();
                if (connect)
                {
                    await inbound.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection established\r\n\r\n"), _stop.Token);
                }
                else
                {
                    Record(Encoding.Latin1.GetBytes(head));
                    await outbound.WriteAsync(Encoding.Latin1.GetBytes(head), _stop.Token);
                }

                await Task.WhenAny(ForwardAsync(inbound, outbound), outbound.CopyToAsync(inbound, _stop.Token));
            }
            catch (Exception)
            {
                // either side went away
            }
        }
    }

    private async Task ForwardAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16384];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            Record(buffer.AsSpan(0, read));
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    private void Record(ReadOnlySpan<byte> data)
    {
        lock (_forwarded)
        {
            _forwarded.Append(Encoding.Latin1.GetString(data));
        }
    }

    /// <summary>Reads up to the end of the request head (the blank line), byte by byte so nothing after it is taken.</summary>
    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                throw new IOException("the client closed the connection");
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
