using System.Net;
using System.Net.Sockets;

namespace EtcdNet.Testing.Internal;

/// <summary>Finds free loopback TCP ports by binding to port 0 and releasing the socket.</summary>
internal static class FreePorts
{
    /// <summary>
    /// Returns <paramref name="count"/> distinct ports that were free a moment ago. All listeners are
    /// held until every port is chosen so the kernel cannot hand out the same port twice.
    /// </summary>
    internal static int[] Allocate(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
