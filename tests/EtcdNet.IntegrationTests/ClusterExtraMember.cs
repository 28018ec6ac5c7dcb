using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>
/// One more etcd process joining an <see cref="EtcdCluster"/> that already knows it (after
/// MemberAdd): <c>--initial-cluster-state existing</c>. EtcdNet.Testing has no API for this.
/// Disposing kills it and deletes its data.
/// </summary>
public sealed class ClusterExtraMember : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log = new();
    private readonly string _dataDir;
    private Process? _process;

    private ClusterExtraMember(string name)
    {
        Name = name;
        var ports = FreePorts(2);
        ClientUrl = $"http://127.0.0.1:{ports[0]}";
        PeerUrl = $"http://127.0.0.1:{ports[1]}";
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _dataDir = Path.Combine(root, $"etcdnet-extra-{name}-{Guid.NewGuid():N}");
    }

    public string Name { get; }

    public string ClientUrl { get; }

    public string PeerUrl { get; }

    public string Log => string.Join(Environment.NewLine, _log);

    /// <summary>Chooses the ports; <see cref="Start"/> launches it once MemberAdd knows its peer URL.</summary>
    public static ClusterExtraMember Prepare(string name) => new(name);

    /// <summary>Starts the process, joining <paramref name="cluster"/>'s members (m0, m1, ...) plus itself.</summary>
    public void Start(EtcdCluster cluster)
    {
        var initialCluster = string.Join(',', cluster.Members.Select(m => $"{m.Name}={m.PeerUrl}").Append($"{Name}={PeerUrl}"));
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("ETCD_BINARY") ?? "etcd")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            "--name", Name,
            "--data-dir", _dataDir,
            "--listen-client-urls", ClientUrl,
            "--advertise-client-urls", ClientUrl,
            "--listen-peer-urls", PeerUrl,
            "--initial-advertise-peer-urls", PeerUrl,
            "--initial-cluster", initialCluster,
            "--initial-cluster-state", "existing",
            "--logger", "zap",
            "--log-outputs", "stderr",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var variable in startInfo.Environment.Keys.Where(k => k.StartsWith("ETCD_", StringComparison.Ordinal) && k != "ETCD_UNSUPPORTED_ARCH").ToList())
        {
            startInfo.Environment.Remove(variable); // etcd would read them as flags
        }

        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Add($"*** started pid {_process.Id}: etcd {string.Join(' ', arguments)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (InvalidOperationException)
            {
                // It already exited (a removed member stops by itself).
            }

            process.Dispose();
        }

        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue($"[{Name}] {line}");
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Dispose());
        }
    }
}
