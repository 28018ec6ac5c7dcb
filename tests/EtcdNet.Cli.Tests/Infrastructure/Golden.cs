using System.Text.RegularExpressions;

namespace EtcdNet.Cli.Tests.Infrastructure;

/// <summary>Compares etcdnet's output with etcdctl's, masking only what must differ between two runs.</summary>
public static partial class Golden
{
    [GeneratedRegex("\"(revision|mod_revision|create_revision|raft_term|member_id|cluster_id|ID|id)\":[0-9]+")]
    private static partial Regex JsonNumbers();

    /// <summary>Replaces JSON revision/ID numbers with "#" (for outputs of two different writes).</summary>
    public static string MaskJsonNumbers(string json) => JsonNumbers().Replace(json, m => $"\"{m.Groups[1].Value}\":#");

    /// <summary>Asserts equal exit codes and byte-equal stdout, with a readable failure.</summary>
    public static void AssertSame(CliResult etcdctl, CliResult etcdnet, Func<string, string>? mask = null)
    {
        mask ??= s => s;
        Assert.True(etcdctl.ExitCode == etcdnet.ExitCode, $"exit codes differ\netcdctl: {etcdctl}\netcdnet: {etcdnet}");
        Assert.Equal(mask(etcdctl.Stdout), mask(etcdnet.Stdout));
    }
}
