using System.Globalization;

namespace EtcdNet.Cli.Dev;

/// <summary>The command line of the dev host (<c>etcdnet dev serve</c>) and how to recognise its process.</summary>
internal static class DevHostCommandLine
{
    /// <summary>The arguments after the CLI: <c>dev serve --dir X --members N [--tls] [--auth]</c>.</summary>
    public static IReadOnlyList<string> Arguments(DevPaths paths, DevClusterRequest request)
    {
        var arguments = new List<string> { "dev", "serve", "--dir", paths.Directory, "--members", request.Members.ToString(CultureInfo.InvariantCulture) };
        if (request.Tls)
        {
            arguments.Add("--tls");
        }

        if (request.Auth)
        {
            arguments.Add("--auth");
        }

        return arguments;
    }

    /// <summary>What the host's /proc cmdline contains (arguments are NUL-separated there); etcd's own command line does not.</summary>
    public static string Marker(DevPaths paths) => "serve\0--dir\0" + paths.Directory + "\0";

    /// <summary>
    /// How to start this CLI: the native executable itself, or the dotnet host and the CLI assembly (also when it runs
    /// inside another process, as in tests).
    /// </summary>
    public static (string FileName, IReadOnlyList<string> Prefix) Cli()
    {
        var processPath = Environment.ProcessPath;
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported && processPath is not null)
        {
            return (processPath, []);
        }

        var assembly = Path.Combine(AppContext.BaseDirectory, typeof(DevHostCommandLine).Assembly.GetName().Name + ".dll");
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return (processPath, [assembly]);
        }

        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return (string.IsNullOrEmpty(host) ? "dotnet" : host, [assembly]);
    }
}

/// <summary>What <c>dev up</c> asked for.</summary>
internal sealed record DevClusterRequest(int Members, bool Tls, bool Auth);
