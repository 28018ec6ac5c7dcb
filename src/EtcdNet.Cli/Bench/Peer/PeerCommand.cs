using System.CommandLine;
using EtcdNet.Cli.Commands;

namespace EtcdNet.Cli.Bench.Peer;

/// <summary>
/// <c>etcdnet bench peer</c> (hidden): the side-by-side comparison workload with the single-dash flags of the peer
/// load programs; prints their human line and <c>RESULT {json}</c> line.
/// </summary>
internal static class PeerCommand
{
    public static Command Create(CommandActions actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var rest = new Argument<string[]>("flags") { Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("peer", "Comparison workload with the peer programs' flags") { rest };
        command.Hidden = true;
        command.TreatUnmatchedTokensAsErrors = false;
        actions.Set(command, async context =>
        {
            var tokens = context.Parse.UnmatchedTokens.Concat(context.Get(rest) ?? []).ToList();
            var args = PeerArgs.Parse(OriginalOrder(context.Parse.Tokens.Select(t => t.Value).ToList(), tokens));
            var result = await new PeerRun(args).RunAsync(context.CancellationToken);
            await context.Console.Out.WriteLineAsync(result.HumanLine());
            await context.Console.Out.WriteLineAsync(result.ResultLine());
        });
        return command;
    }

    /// <summary>
    /// The tokens after "peer" in their original order. The parser splits "-warmup" into the bundled short
    /// option "-w" and "armup"; that is undone here (pass the flags after "--" to avoid it altogether).
    /// </summary>
    private static List<string> OriginalOrder(List<string> all, List<string> fallback)
    {
        var at = all.IndexOf("peer");
        if (at < 0)
        {
            return fallback;
        }

        var result = new List<string>();
        for (var i = at + 1; i < all.Count; i++)
        {
            if (all[i] == "-w" && i + 1 < all.Count && all[i + 1].StartsWith("armup", StringComparison.Ordinal))
            {
                result.Add("-w" + all[++i]);
                continue;
            }

            result.Add(all[i]);
        }

        return result;
    }
}
