using System.Diagnostics;

namespace EtcdNet.Discovery.Tests.Infrastructure;

/// <summary>
/// Go's naming/endpoints manager from etcd 3.4.23 (golang-etcd-server-dev), as the command-line program
/// go/naming.go, built once per test run in GOPATH mode (nothing is downloaded).
/// </summary>
internal static class GoNaming
{
    private static readonly Lazy<Task<string>> Binary = new(BuildAsync);

    /// <summary>Runs one command to its end and returns its standard output.</summary>
    public static async Task<string> RunAsync(IEnumerable<string> endpoints, string service, params string[] command)
    {
        using var process = await StartAsync(endpoints, service, command);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"naming {string.Join(' ', command)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }

    /// <summary>Starts one command and leaves it running (for <c>watch</c>); standard output and error are redirected.</summary>
    public static async Task<Process> StartAsync(IEnumerable<string> endpoints, string service, params string[] command)
    {
        var start = new ProcessStartInfo(await Binary.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-endpoints");
        start.ArgumentList.Add(string.Join(',', endpoints.Select(e => new Uri(e).Authority)));
        start.ArgumentList.Add("-service");
        start.ArgumentList.Add(service);
        foreach (var arg in command)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static async Task<string> BuildAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "etcdnet-discovery-tests", "naming-go");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var source = Path.Combine(AppContext.BaseDirectory, "go", "naming.go");
        var build = new ProcessStartInfo("go", ["build", "-o", output, source])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(source)!,
        };
        build.Environment["GO111MODULE"] = "off";
        build.Environment["GOPATH"] = "/usr/share/gocode";
        build.Environment["GOPROXY"] = "off";
        build.Environment["GOFLAGS"] = "";
        build.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "etcdnet-discovery-tests", "gocache");
        using var process = Process.Start(build)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"go build of {source} failed (install golang-go and golang-etcd-server-dev): {await error}");
        }

        return output;
    }
}
