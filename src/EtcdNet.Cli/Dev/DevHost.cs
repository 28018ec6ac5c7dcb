using System.Globalization;
using System.Runtime.InteropServices;
using EtcdNet.Cli.Output;
using EtcdNet.Testing;

namespace EtcdNet.Cli.Dev;

/// <summary>
/// The long-running owner of a dev cluster (<c>etcdnet dev serve</c>): starts it with its data under the
/// dev folder, enables auth if asked, publishes state.json, and keeps the cluster until SIGTERM or
/// SIGINT. The cluster's watchdog kills the members should this process die any other way.
/// </summary>
internal sealed class DevHost(DevPaths paths, DevClusterRequest request, CliConsole console)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.Directory);
        File.WriteAllText(paths.HostPidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onHup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => context.Cancel = true);

        EtcdCluster cluster;
        DevState state;
        try
        {
            Log($"starting {request.Members} member(s){(request.Tls ? ", TLS" : string.Empty)}{(request.Auth ? ", auth" : string.Empty)} in {paths.DataDirectory}");
            Directory.CreateDirectory(paths.DataDirectory);
            cluster = await EtcdCluster.StartAsync(
                new EtcdClusterOptions
                {
                    Members = request.Members,
                    Tls = request.Tls,
                    ClientCertAuth = request.Tls,
                    DataRoot = paths.DataDirectory,
                    Log = Log,
                    LogLinesKept = 100,
                },
                stop.Token);
        }
        catch (Exception e)
        {
            return Fail(e);
        }

        await using (cluster)
        {
            try
            {
                state = await DescribeAsync(cluster, stop.Token);
            }
            catch (Exception e)
            {
                return Fail(e);
            }

            state.Write(paths);
            Log("*** dev cluster ready: " + string.Join(',', state.Endpoints));
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                Log("*** stopping the dev cluster");
            }

            File.Delete(paths.StateFile);
        }

        TryDeleteDirectory(paths.DataDirectory);
        Log("*** dev cluster stopped");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private async Task<DevState> DescribeAsync(EtcdCluster cluster, CancellationToken cancellationToken)
    {
        var certificates = cluster.Certificates;
        var tls = certificates is null ? null : new DevTlsFiles(certificates.CaCertificatePath, certificates.ClientCertificatePath, certificates.ClientKeyPath);
        string? user = null;
        string? password = null;
        if (request.Auth)
        {
            await using var client = new EtcdClient(DevClientOptions.For(cluster.ClientUrls, tls, null, null));
            password = await DevAuthSetup.EnableAsync(client, cancellationToken);
            user = DevAuthSetup.RootUser;
        }

        return new DevState
        {
            Directory = paths.Directory,
            HostPid = Environment.ProcessId,
            ClusterDirectory = cluster.ClusterDirectory,
            Members = [.. cluster.Members.Select(m => new DevMemberState(m.Name, m.ClientUrl, m.ProcessId ?? 0))],
            Tls = tls,
            User = user,
            Password = password,
            StartedAt = DateTimeOffset.UtcNow,
        };
    }

    private int Fail(Exception error)
    {
        var message = error is OperationCanceledException ? "interrupted" : error.Message.ReplaceLineEndings("\n").Split('\n')[0];
        Log("*** the dev cluster could not start: " + error);
        File.WriteAllText(paths.ErrorFile, message);
        return 1;
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // dev down deletes it as well.
        }
    }

    private void Log(string line)
    {
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}"));
        console.Out.Flush();
    }
}
