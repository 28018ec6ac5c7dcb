using System.ComponentModel;
using System.Diagnostics;

namespace EtcdNet.Testing.Internal;

/// <summary>Builds and starts the <c>etcdctl</c> command line (v3 API, one endpoint, redirected standard streams).</summary>
internal static class EtcdctlCommand
{
    internal const string EnvironmentVariable = "ETCDCTL_BINARY";

    /// <summary>Starts etcdctl with <c>--endpoints=<paramref name="endpoint"/></c> followed by <paramref name="args"/>.</summary>
    /// <exception cref="EtcdNotInstalledException">The etcdctl binary could not be started.</exception>
    internal static Process Start(string endpoint, IEnumerable<string> args, Action<Process>? beforeStart = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        ArgumentNullException.ThrowIfNull(args);
        var info = new ProcessStartInfo(Binary())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.Environment["ETCDCTL_API"] = "3";
        info.ArgumentList.Add("--endpoints=" + endpoint);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        beforeStart?.Invoke(process);
        try
        {
            process.Start();
            return process;
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new EtcdNotInstalledException(
                $"etcdctl could not be started as '{info.FileName}' ({e.Message}); set {EnvironmentVariable} or put etcdctl on PATH. {EtcdNotInstalledException.InstallHint}",
                e);
        }
    }

    /// <summary>The display form of a command line, for error messages.</summary>
    internal static string Describe(IEnumerable<string> args) => "etcdctl " + string.Join(' ', args);

    private static string Binary()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(configured) ? "etcdctl" : configured;
    }
}
