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
        var (exitCode, text) = await RunInTerminalAsync((string?)null, "-w", "json", "member", "list");

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
    public async Task UserAdd_NotInteractive_AnEmptyLineIsAnEmptyPassword_AsInEtcdctl()
    {
        var user = "pty-" + Guid.NewGuid().ToString("N")[..8];
        var (exitCode, text) = await RunInTerminalAsync("\n", "user", "add", user, "--interactive=false");

        Assert.Equal(0, exitCode);
        Assert.Contains($"User {user} created", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAdd_Interactive_PromptsTwice_WithoutEchoingThePassword_OrControlSequences()
    {
        var user = "pty-" + Guid.NewGuid().ToString("N")[..8];
        var (exitCode, text) = await RunInTerminalAsync(
            [($"Password of {user}: ", "Pa55word\n"), ($"Type password of {user} again for confirmation: ", "Pa55word\n")],
            "user", "add", user);

        Assert.Equal(0, exitCode);
        Assert.Contains($"User {user} created", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pa55word", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [cluster.Endpoint] });
        Assert.Contains(user, await client.Auth.UserListAsync());
    }

    [Fact]
    public async Task InteractiveTxn_ThroughAPseudoTerminal_PromptsForEachSection_AndCommits()
    {
        var key = "pty-txn-" + Guid.NewGuid().ToString("N")[..8];
        var (exitCode, text) = await RunInTerminalAsync(
            [
                ("compares:", $"version(\"{key}\") = \"0\"\n\n"),
                ("success requests (get, put, del):", $"put {key} created\n\n"),
                ("failure requests (get, put, del):", $"put {key} existed\n\n"),
            ],
            "txn", "-i");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("SUCCESS", text, StringComparison.Ordinal);
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [cluster.Endpoint] });
        Assert.Equal("created", Assert.Single((await client.GetAsync(key)).Kvs).ValueString);
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
    private Task<(int ExitCode, string Output)> RunInTerminalAsync(string? typed, params string[] args)
        => RunInTerminalAsync(typed is null ? [] : [(string.Empty, typed)], args);

    /// <summary>
    /// Runs etcdnet under <c>script</c>; each answer of <paramref name="dialogue"/> is typed once its prompt has
    /// appeared in the output (a person answering a question), and input is then left open.
    /// </summary>
    private async Task<(int ExitCode, string Output)> RunInTerminalAsync(IReadOnlyList<(string Prompt, string Answer)> dialogue, params string[] args)
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
        var seen = new StringBuilder();
        var stdout = ReadAllAsync(process.StandardOutput, seen);
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Wait);
        try
        {
            foreach (var (prompt, answer) in dialogue)
            {
                while (!Seen(seen).Contains(prompt, StringComparison.Ordinal))
                {
                    await Task.Delay(20, deadline.Token);
                }

                await process.StandardInput.WriteAsync(answer);
                await process.StandardInput.FlushAsync();
            }

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

    private static async Task<string> ReadAllAsync(StreamReader reader, StringBuilder seen)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (seen)
            {
                seen.Append(buffer, 0, read);
            }
        }

        return Seen(seen);
    }

    private static string Seen(StringBuilder seen)
    {
        lock (seen)
        {
            return seen.ToString();
        }
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
