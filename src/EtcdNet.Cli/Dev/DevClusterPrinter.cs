using System.Globalization;
using System.Text;

namespace EtcdNet.Cli.Dev;

/// <summary>Prints a running dev cluster: its members, then (last line) the flags that reach it.</summary>
internal static class DevClusterPrinter
{
    public static void Print(TextWriter output, DevState state, DevPaths paths, bool alreadyRunning)
    {
        var features = Features(state);
        output.WriteLine(alreadyRunning
            ? $"A {state.Members.Count}-member etcd dev cluster{features} is already running in {paths.Directory} (host pid {Number(state.HostPid)}, log {paths.LogFile})"
            : $"Started a {state.Members.Count}-member etcd dev cluster{features} in {paths.Directory} (host pid {Number(state.HostPid)}, log {paths.LogFile})");
        foreach (var member in state.Members)
        {
            output.WriteLine($"  {member.Name}  {member.Endpoint}  pid {Number(member.Pid)}");
        }

        output.WriteLine("Flags for etcdnet and etcdctl:");
        output.WriteLine(Flags(state));
    }

    /// <summary>The global flags for this cluster, on one line: --endpoints, and --cacert/--cert/--key, --user as needed.</summary>
    public static string Flags(DevState state)
    {
        var flags = new StringBuilder("--endpoints=").AppendJoin(',', state.Endpoints);
        if (state.Tls is { } tls)
        {
            flags.Append(" --cacert=").Append(tls.CaCert).Append(" --cert=").Append(tls.Cert).Append(" --key=").Append(tls.Key);
        }

        if (state.User is not null)
        {
            flags.Append(" --user=").Append(state.User).Append(':').Append(state.Password);
        }

        return flags.ToString();
    }

    public static string Features(DevState state)
        => (state.Tls is null ? string.Empty : ", TLS") + (state.User is null ? string.Empty : ", auth");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
