using System.CommandLine;
using System.Globalization;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>The key-value commands: put, get, del, txn, compaction and watch.</summary>
internal static class KvCommands
{
    public static void Register(RootCommand root, CommandActions actions)
    {
        root.Subcommands.Add(KvGetCommand.Create(actions));
        root.Subcommands.Add(KvPutCommand.Create(actions));
        root.Subcommands.Add(KvDelCommand.Create(actions));
        root.Subcommands.Add(KvTxnCommand.Create(actions));
        root.Subcommands.Add(KvCompactionCommand.Create(actions));
        root.Subcommands.Add(KvWatchCommand.Create(actions));
        root.Subcommands.Add(MakeMirrorCommand.Create(actions));
    }

    /// <summary>A lease ID as etcdctl takes it: hexadecimal.</summary>
    internal static long ParseLease(string text)
        => long.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id) && id >= 0
            ? id
            : throw CliException.BadArgs($"bad lease ID (strconv.ParseInt: parsing {GoQuote.Quote(text)}: invalid syntax), expecting ID in Hex");
}
