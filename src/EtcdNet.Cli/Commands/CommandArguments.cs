using System.CommandLine;

namespace EtcdNet.Cli.Commands;

/// <summary>Argument shapes shared by commands.</summary>
internal static class CommandArguments
{
    /// <summary>The positional arguments of a command that checks their number itself, as etcdctl does (exit 128).</summary>
    public static Argument<string[]> Positional(string name)
        => new(name) { Arity = ArgumentArity.ZeroOrMore };
}
