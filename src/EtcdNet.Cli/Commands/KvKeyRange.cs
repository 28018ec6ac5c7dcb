using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>
/// The keys that <c>get</c> and <c>del</c> address, as etcdctl reads them from the key, the optional range_end,
/// <c>--prefix</c> and <c>--from-key</c>: an empty key with either flag means every key (from "\0").
/// </summary>
internal readonly record struct KvKeyRange(string Key, EtcdBytes? RangeEnd, bool Prefix, bool FromKey)
{
    /// <summary>Refuses <c>--prefix</c> together with <c>--from-key</c> (etcdctl checks this before the other flags).</summary>
    /// <exception cref="CliException">Both are set (exit 128).</exception>
    public static void CheckFlags(bool prefix, bool fromKey)
    {
        if (prefix && fromKey)
        {
            throw CliException.BadArgs("`--prefix` and `--from-key` cannot be set at the same time, choose one");
        }
    }

    /// <summary>The range of <paramref name="args"/> (key and optional range_end), whose flags passed <see cref="CheckFlags"/>.</summary>
    /// <exception cref="CliException">A range_end was given with <c>--prefix</c> or <c>--from-key</c> (exit 128).</exception>
    public static KvKeyRange From(string[] args, bool prefix, bool fromKey)
    {
        var key = args[0];
        if (args.Length > 1)
        {
            if (prefix || fromKey)
            {
                throw CliException.BadArgs("too many arguments, only accept one argument when `--prefix` or `--from-key` is set");
            }

            return new KvKeyRange(key, args[1], Prefix: false, FromKey: false);
        }

        if ((prefix || fromKey) && key.Length == 0)
        {
            return new KvKeyRange("\0", RangeEnd: null, Prefix: false, FromKey: true);
        }

        return new KvKeyRange(key, RangeEnd: null, prefix, fromKey);
    }
}
