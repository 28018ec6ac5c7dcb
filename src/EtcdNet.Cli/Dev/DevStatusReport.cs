using System.Globalization;

namespace EtcdNet.Cli.Dev;

/// <summary>Asks every member of a dev cluster for its status and prints one line per member.</summary>
internal static class DevStatusReport
{
    private static readonly string[] Header = ["NAME", "ENDPOINT", "PID", "HEALTH", "LEADER", "DB SIZE", "RAFT TERM", "VERSION"];

    /// <summary>Prints the report; returns true when every member is healthy (answers, knows a leader, reports no error).</summary>
    public static async Task<bool> PrintAsync(TextWriter output, DevState state, DevPaths paths, CancellationToken cancellationToken)
    {
        await using var client = new EtcdClient(DevClientOptions.For(state));
        var statuses = await Task.WhenAll(state.Members.Select(m => TryStatusAsync(client, m.Endpoint, cancellationToken)));
        output.WriteLine($"etcd dev cluster in {paths.Directory}: {state.Members.Count} member(s){DevClusterPrinter.Features(state)}, host pid {Text(state.HostPid)}, up since {state.StartedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}");
        var rows = new List<string[]> { Header };
        var healthy = true;
        for (var i = 0; i < state.Members.Count; i++)
        {
            var member = state.Members[i];
            var running = DevProcesses.IsAlive(member.Pid, state.ClusterDirectory);
            var (status, error) = statuses[i];
            var ok = running && status is not null && status.Leader != 0 && status.Errors.Count == 0;
            healthy &= ok;
            rows.Add(
            [
                member.Name,
                member.Endpoint,
                running ? Text(member.Pid) : "gone",
                ok ? "healthy" : "unhealthy: " + (error ?? (!running ? "process not running" : status is null ? "no answer" : status.Errors.Count > 0 ? string.Join("; ", status.Errors) : "no leader")),
                status is null ? "-" : status.Leader == status.Header.MemberId ? "yes" : "no",
                status is null ? "-" : Size(status.DbSize),
                status is null ? "-" : status.RaftTerm.ToString(CultureInfo.InvariantCulture),
                status?.Version ?? "-",
            ]);
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }

        return healthy;
    }

    private static async Task<(StatusResponse? Status, string? Error)> TryStatusAsync(EtcdClient client, string endpoint, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.Maintenance.StatusAsync(endpoint, cancellationToken), null);
        }
        catch (Exception e) when (e is EtcdException or TimeoutException or IOException or System.Security.Authentication.AuthenticationException)
        {
            return (null, e.Message.ReplaceLineEndings(" "));
        }
    }

    /// <summary>A byte count as etcdctl prints it (go-humanize, SI units): "20 kB", "1.2 MB".</summary>
    internal static string Size(long bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{(value < 10 ? Math.Round(value, 1) : Math.Round(value)):0.#} {units[unit]}");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
