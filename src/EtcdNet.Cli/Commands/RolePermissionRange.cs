using System.Text;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>The key and range end of a permission from "key [endkey]" and --prefix / --from-key, as etcdctl computes them.</summary>
internal static class RolePermissionRange
{
    /// <summary>
    /// The key and range end: a single key (empty end), [key, end), a prefix, or from the key on (end "\0").
    /// An empty key means every key ("\0" with --prefix or --from-key).
    /// </summary>
    public static (string Key, string RangeEnd) Resolve(string[] keyAndEnd, bool prefix, bool fromKey)
    {
        var key = keyAndEnd[0];
        if (key.Length == 0)
        {
            if (prefix && fromKey)
            {
                throw CliException.BadArgs("--from-key and --prefix flags are mutually exclusive");
            }

            return ("\0", prefix || fromKey ? "\0" : string.Empty);
        }

        if (keyAndEnd.Length == 1)
        {
            if (prefix)
            {
                return fromKey
                    ? throw CliException.BadArgs("--from-key and --prefix flags are mutually exclusive")
                    : (key, Encoding.UTF8.GetString(RolePrinter.PrefixEnd(Encoding.UTF8.GetBytes(key))));
            }

            return (key, fromKey ? "\0" : string.Empty);
        }

        if (prefix)
        {
            throw CliException.BadArgs("unexpected endkey argument with --prefix flag");
        }

        if (fromKey)
        {
            throw CliException.BadArgs("unexpected endkey argument with --from-key flag");
        }

        return (key, keyAndEnd[1]);
    }

    /// <summary>The library's range for a computed range end: null for a single key; a prefix range keeps the exact bytes.</summary>
    public static PermissionRange? ToRange(string key, string rangeEnd, bool prefix)
        => rangeEnd.Length == 0 ? null
            : prefix && key != "\0" ? PermissionRange.ForPrefix
            : new PermissionRange { RangeEnd = rangeEnd };
}
