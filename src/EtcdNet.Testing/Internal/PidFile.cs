using System.Globalization;

namespace EtcdNet.Testing.Internal;

/// <summary>The <c>&lt;name&gt;.pid</c> files the watchdog reads.</summary>
internal static class PidFile
{
    /// <summary>Writes the pid atomically (temp file + rename) so the watchdog never reads half a number.</summary>
    internal static void Write(string path, int pid)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, pid.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, path, overwrite: true);
    }

    internal static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cluster directory may already be gone.
        }
    }
}
