using System.Diagnostics;
using System.Text;
using System.Text.Json;
using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

/// <summary>
/// The etcdnet executable under a pseudo-terminal (util-linux <c>script</c>), as people, expect scripts, ssh and CI
/// runners with a tty run it: its output must be exactly what it prints to a pipe, and it must read from the terminal.
/// </summary>
[Collection(CliClusterCollection.Name)]
public sealed class TerminalTests(CliCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task JsonOutput_ThroughAPseudoTerminal_IsJsonWithNoControlSequence()
    {
        var (exitCode, text) = await RunInTerminalAsync(null, "-w", "json", "member", "list");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain('\u001b', text);
        using var json = JsonDocument.Parse(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(cluster.Cluster.Members[0].Name, json.RootElement.GetProperty("members")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task UserAdd_NotInteractive_TakesThePasswordTypedOnTheTerminal_WhenEnterIsPressed()
    {
        var user = "pty-" + Guid.NewGuid().ToString("N")[..8];
        var (exitCode, text) = await RunInTerminalAsync("s3cret\n", "user", "add", user, "--interactive=false");

        Assert.Equal(0, exitCode);
        Assert.Contains($"User {user} created", text, StringComparison.Ordinal);
        await using var client = new EtcdClient(cluster.Endpoint);
        Assert.Contains(user, await client.Auth.UserListAsync());
    }

    [Fact]
    public async Task AReaderThatLeavesEarly_IsNotAnError()
    {
        var prefix = "pipe-" + Guid.NewGuid().ToString("N")[..8] + "/";
        await using (var client = new EtcdClient(cluster.Endpoint))
        {
            var value = new string('v', 1024);
            for (var i = 0; i < 200; i++)
            {
                await client.PutAsync($"{prefix}{i:D3}", value); // 200 KiB of output: more than a pipe holds
            }
        }

        var executable = Path.Combine(AppContext.BaseDirectory, "EtcdNet.Cli");
        var script = $"'{executable}' --endpoints={cluster.Endpoint} get --prefix {prefix} | head -c 10 >/dev/null; echo \"exit ${{PIPESTATUS[0]}}\"";
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(Wait).Token);

        output.WriteLine($"stdout: {await stdout}; stderr: {await stderr}");
        Assert.Equal("exit 0", (await stdout).Trim());
        Assert.Equal(string.Empty, await stderr);
    }

    /// <summary>
    /// Runs etcdnet under <c>script</c> with the terminal's output captured; <paramref name="typed"/> is typed on the
    /// terminal and input is then left open, as a person at a keyboard leaves it.
    /// </summary>
    private async Task<(int ExitCode, string Output)> RunInTerminalAsync(string? typed, params string[] args)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "EtcdNet.Cli");
        var command = string.Join(' ', new[] { executable, "--endpoints=" + cluster.Endpoint }.Concat(args).Select(a => "'" + a + "'"));
        var start = new ProcessStartInfo("script", ["-q", "-e", "-f", "-c", command, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (typed is not null)
        {
            await process.StandardInput.WriteAsync(typed);
            await process.StandardInput.FlushAsync();
        }

        using var deadline = new CancellationTokenSource(Wait);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"etcdnet {string.Join(' ', args)} did not finish within {Wait.TotalSeconds} s under a terminal; it printed: {await stdout}");
        }

        var text = await stdout;
        output.WriteLine($"exit {process.ExitCode}; stdout: {Escape(text)}; stderr: {await stderr}");
        return (process.ExitCode, text);
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            escaped.Append(char.IsControl(c) && c != '\n' ? $"\\x{(int)c:x2}" : c.ToString());
        }

        return escaped.ToString();
    }
}
