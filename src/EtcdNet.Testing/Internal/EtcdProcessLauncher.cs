using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace EtcdNet.Testing.Internal;

/// <summary>Starts one etcd process with its output captured line by line into a <see cref="MemberLog"/>.</summary>
internal static class EtcdProcessLauncher
{
    /// <summary>etcd needs this one on unsupported architectures (arm64 for 3.4), so it is passed through.</summary>
    private const string KeptEtcdVariable = "ETCD_UNSUPPORTED_ARCH";

    /// <summary>Starts the process; a failure to start at all becomes an <see cref="EtcdStartException"/>.</summary>
    internal static Process Start(string memberName, string binary, IReadOnlyList<string> arguments, MemberLog log)
    {
        var startInfo = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        RemoveEtcdVariables(startInfo.Environment);

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => AddLine(log, e.Data);
        process.ErrorDataReceived += (_, e) => AddLine(log, e.Data);
        process.Exited += (_, _) => log.Add(DescribeExit(process));
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new EtcdStartException(memberName, $"could not start '{binary}': {e.Message}", log.Recent(), e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log.Add(string.Create(CultureInfo.InvariantCulture, $"*** started pid {process.Id}: {binary} {string.Join(' ', arguments)}"));
        return process;
    }

    /// <summary>
    /// ETCD_* variables of the test environment would be read by etcd as flags and conflict with ours
    /// (etcd refuses to start when a variable shadows a command-line flag).
    /// </summary>
    private static void RemoveEtcdVariables(IDictionary<string, string?> environment)
    {
        var names = environment.Keys
            .Where(k => k.StartsWith("ETCD_", StringComparison.Ordinal) && k != KeptEtcdVariable)
            .ToList();
        foreach (var name in names)
        {
            environment.Remove(name);
        }
    }

    private static void AddLine(MemberLog log, string? line)
    {
        if (line is not null)
        {
            log.Add(line);
        }
    }

    private static string DescribeExit(Process process)
    {
        try
        {
            var code = process.ExitCode;
            // .NET reports death by signal N as 128 + N.
            var meaning = code > 128 ? string.Create(CultureInfo.InvariantCulture, $" (signal {code - 128})") : string.Empty;
            return string.Create(CultureInfo.InvariantCulture, $"*** pid {process.Id} exited with code {code}{meaning}");
        }
        catch (InvalidOperationException)
        {
            return "*** process exited";
        }
    }
}
