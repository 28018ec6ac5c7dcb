using System.Diagnostics;

namespace EtcdNet.Testing.Internal;

/// <summary>
/// Reads scheduler states from /proc. Signals are delivered asynchronously: after SIGSTOP returns,
/// threads may run on briefly, so a pause is complete only once every thread reports state 'T'.
/// </summary>
internal static class ProcessState
{
    /// <summary>Blocks until every thread of <paramref name="pid"/> is stopped (or gone), at most <paramref name="timeout"/>.</summary>
    /// <returns>True when all threads are stopped.</returns>
    public static bool WaitUntilStopped(int pid, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (AllThreadsStopped(pid))
            {
                return true;
            }

            if (watch.Elapsed > timeout)
            {
                return false;
            }

            Thread.Sleep(1);
        }
    }

    private static bool AllThreadsStopped(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (IOException)
        {
            return true; // the process is gone
        }

        foreach (var task in tasks)
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                continue; // the thread exited
            }

            // Format: "pid (comm) S ..."; comm may contain spaces, so read after the last ')'.
            var state = stat[(stat.LastIndexOf(')') + 2)..].TrimStart()[0];
            if (state is not ('T' or 't' or 'Z' or 'X'))
            {
                return false;
            }
        }

        return true;
    }
}
