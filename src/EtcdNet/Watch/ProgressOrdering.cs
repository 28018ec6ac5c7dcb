using System.Globalization;

namespace EtcdNet.Watch;

/// <summary>
/// Whether an etcd version sends a requested (stream-wide) progress notification in order with the events: from
/// 3.4.25 and 3.5.8 on, etcd sends it only once every watch on the stream has caught up, through the same queue as the
/// events, so its revision is a bookmark. Before, it was sent at once with the store's revision, possibly ahead of
/// events still queued for a watch.
/// </summary>
internal static class ProgressOrdering
{
    public static bool IsOrdered(string? version)
    {
        if (version is null)
        {
            return false;
        }

        var parts = version.Split('.', 3);
        if (parts.Length < 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !int.TryParse(new string(parts[2].TakeWhile(char.IsAsciiDigit).ToArray()), NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
        {
            return false;
        }

        return (major, minor) switch
        {
            (> 3, _) => true,
            (3, > 5) => true,
            (3, 5) => patch >= 8,
            (3, 4) => patch >= 25,
            _ => false,
        };
    }
}
