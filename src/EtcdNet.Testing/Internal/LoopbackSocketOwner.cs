using System.Globalization;
using System.Net;

namespace EtcdNet.Testing.Internal;

/// <summary>
/// Finds which process owns the client end of a loopback TCP connection, from Linux's /proc: the socket's inode in
/// /proc/net/tcp (or tcp6), then the process whose file descriptors include it. Used to tell which etcd member a peer
/// connection comes from, so that a partition can hold back only the traffic that crosses it.
/// </summary>
internal static class LoopbackSocketOwner
{
    /// <summary>The inode of the socket bound to <paramref name="local"/> and connected to port <paramref name="remotePort"/>, or null.</summary>
    public static string? FindInode(IPEndPoint local, int remotePort)
    {
        var localPort = local.Port.ToString("X4", CultureInfo.InvariantCulture);
        var remote = remotePort.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var table in (string[])["/proc/net/tcp", "/proc/net/tcp6"])
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(table);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var line in lines.Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[1].EndsWith(":" + localPort, StringComparison.Ordinal) && fields[2].EndsWith(":" + remote, StringComparison.Ordinal))
                {
                    return fields[9];
                }
            }
        }

        return null;
    }

    /// <summary>True when process <paramref name="pid"/> has the socket with <paramref name="inode"/> open.</summary>
    public static bool Owns(int pid, string inode)
    {
        var target = "socket:[" + inode + "]";
        string[] descriptors;
        try
        {
            descriptors = Directory.GetFileSystemEntries(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}/fd"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // the process is gone or not ours
        }

        foreach (var descriptor in descriptors)
        {
            try
            {
                if (new FileInfo(descriptor).LinkTarget == target)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // closed while we looked: not this one
            }
        }

        return false;
    }
}
