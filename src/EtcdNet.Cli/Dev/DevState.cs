using System.Text.Json;
using System.Text.Json.Serialization;

namespace EtcdNet.Cli.Dev;

/// <summary>What the dev host writes to state.json once its cluster is healthy.</summary>
internal sealed record DevState
{
    public required string Directory { get; init; }

    public required int HostPid { get; init; }

    /// <summary>The folder holding the members' data dirs (and the TLS files); deleted when the cluster stops.</summary>
    public required string ClusterDirectory { get; init; }

    public required IReadOnlyList<DevMemberState> Members { get; init; }

    /// <summary>PEM files for --cacert, --cert and --key; null without TLS.</summary>
    public DevTlsFiles? Tls { get; init; }

    /// <summary>The root user's name when auth is enabled, else null.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    [JsonIgnore]
    public IReadOnlyList<string> Endpoints => [.. Members.Select(m => m.Endpoint)];

    /// <summary>Reads the state file; null when there is none or it cannot be read.</summary>
    public static DevState? TryRead(DevPaths paths)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(paths.StateFile), DevStateJson.Default.DevState);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the state file atomically (a reader never sees half a file).</summary>
    public void Write(DevPaths paths)
    {
        var temporary = paths.StateFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, DevStateJson.Default.DevState));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite); // it may hold the root password
        }

        File.Move(temporary, paths.StateFile, overwrite: true);
    }
}

/// <summary>One member of the dev cluster.</summary>
internal sealed record DevMemberState(string Name, string Endpoint, int Pid);

/// <summary>The TLS files a client of the dev cluster needs.</summary>
internal sealed record DevTlsFiles(string CaCert, string Cert, string Key);

/// <summary>The JSON form of <see cref="DevState"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DevState))]
internal sealed partial class DevStateJson : JsonSerializerContext;
