using System.CommandLine;
using EtcdNet.Cli.Dev;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>The dev commands: a local etcd cluster that keeps running in the background (up, status, down).</summary>
internal static class DevCommands
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public static void Register(RootCommand root, CommandActions actions)
    {
        var dev = new Command("dev", "Runs a local etcd cluster for development, in the background (up, status, down)")
        {
            Up(actions),
            Status(actions),
            Down(actions),
            Serve(actions),
        };
        root.Subcommands.Add(dev);
    }

    private static Option<string> DirOption() => new("--dir")
    {
        Description = $"folder of the dev cluster's state, data and log (default ${DevPaths.DirectoryVariable}, else ~/.etcdnet/dev)",
    };

    private static Option<int> MembersOption() => new("--members")
    {
        Description = "number of members (1 to 7; 1 and 3 are usual)",
        DefaultValueFactory = _ => 1,
    };

    private static Option<bool> TlsOption() => new("--tls") { Description = "serve clients over TLS with throwaway certificates, and require a client certificate" };

    private static Option<bool> AuthOption() => new("--auth") { Description = "enable authentication with a root user (random password)" };

    private static Command Up(CommandActions actions)
    {
        var dir = DirOption();
        var members = MembersOption();
        var tls = TlsOption();
        var auth = AuthOption();
        var command = new Command("up", "Starts a local etcd cluster that keeps running after this command returns; prints its endpoints and flags") { members, tls, auth, dir };
        actions.Set(command, async context =>
        {
            var paths = DevPaths.Resolve(context.Get(dir), context.Environment);
            var request = new DevClusterRequest(context.Get(members), context.Get(tls), context.Get(auth));
            if (request.Members is < 1 or > 7)
            {
                throw CliException.BadArgs($"--members must be between 1 and 7 (got {request.Members})");
            }

            if (DevCluster.FindRunning(paths) is { } running)
            {
                DevClusterPrinter.Print(context.Console.Out, running, paths, alreadyRunning: true);
                return;
            }

            if (DevCluster.HostRuns(paths))
            {
                throw new CliException($"a dev cluster is starting in {paths.Directory}; try 'etcdnet dev status' in a moment, or 'etcdnet dev down'");
            }

            await DevTeardown.StopAsync(paths, context.CancellationToken); // leftovers of a host that died
            CreatePrivateDirectory(paths.Directory);
            var state = await DevHostLauncher.StartAsync(paths, request, StartTimeout, context.CancellationToken);
            DevClusterPrinter.Print(context.Console.Out, state, paths, alreadyRunning: false);
        });
        return command;
    }

    private static Command Status(CommandActions actions)
    {
        var dir = DirOption();
        var command = new Command("status", "Shows each member of the dev cluster: health, leader, database size; exits non-zero when it is not running or not healthy") { dir };
        actions.Set(command, async context =>
        {
            var paths = DevPaths.Resolve(context.Get(dir), context.Environment);
            if (DevCluster.FindRunning(paths) is not { } state)
            {
                throw new CliException(DevCluster.HostRuns(paths)
                    ? $"the dev cluster in {paths.Directory} is still starting"
                    : $"no dev cluster is running in {paths.Directory} (start one with 'etcdnet dev up')");
            }

            var healthy = await DevStatusReport.PrintAsync(context.Console.Out, state, paths, context.CancellationToken);
            context.Console.Out.WriteLine(DevClusterPrinter.Flags(state));
            return healthy ? ExitCodes.Success : ExitCodes.Error;
        });
        return command;
    }

    private static Command Down(CommandActions actions)
    {
        var dir = DirOption();
        var command = new Command("down", "Stops the dev cluster and deletes its data (nothing to do when none runs)") { dir };
        actions.Set(command, async context =>
        {
            var paths = DevPaths.Resolve(context.Get(dir), context.Environment);
            var stopped = await DevTeardown.StopAsync(paths, context.CancellationToken);
            context.Console.Out.WriteLine(stopped is null
                ? $"No dev cluster is running in {paths.Directory}"
                : $"Stopped {stopped} in {paths.Directory} and deleted its data");
        });
        return command;
    }

    private static void CreatePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The background host that <c>dev up</c> starts; not meant to be run by hand.</summary>
    private static Command Serve(CommandActions actions)
    {
        var dir = DirOption();
        var members = MembersOption();
        var tls = TlsOption();
        var auth = AuthOption();
        var command = new Command("serve", "Runs a dev cluster in the foreground until SIGTERM or SIGINT (what 'dev up' starts in the background)") { dir, members, tls, auth };
        command.Hidden = true;
        actions.Set(command, context =>
        {
            var paths = DevPaths.Resolve(context.Get(dir), context.Environment);
            var request = new DevClusterRequest(context.Get(members), context.Get(tls), context.Get(auth));
            return new DevHost(paths, request, context.Console).RunAsync(context.CancellationToken);
        });
        return command;
    }
}
