using System.CommandLine;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>
/// make-mirror: copies the source's keys (or those under --prefix) to the destination cluster and keeps applying
/// its changes until interrupted, printing the total written every 30 seconds, as etcdctl does.
/// </summary>
internal static class MakeMirrorCommand
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(30);

    public static Command Create(CommandActions actions)
    {
        var prefix = new Option<string>("--prefix") { Description = "Key-value prefix to mirror", DefaultValueFactory = _ => string.Empty };
        var destPrefix = new Option<string>("--dest-prefix") { Description = "destination prefix to mirror a prefix to a different prefix in the destination cluster", DefaultValueFactory = _ => string.Empty };
        var noDestPrefix = new Option<bool>("--no-dest-prefix") { Description = "mirror key-values to the root of the destination cluster" };
        var destCert = new Option<string>("--dest-cert") { Description = "Identify secure client using this TLS certificate file for the destination cluster" };
        var destKey = new Option<string>("--dest-key") { Description = "Identify secure client using this TLS key file" };
        var destCaCert = new Option<string>("--dest-cacert") { Description = "Verify certificates of TLS enabled secure servers using this CA bundle" };
        var destInsecure = new Option<bool>("--dest-insecure-transport") { Description = "Disable transport security for client connections", DefaultValueFactory = _ => true };
        var destUser = new Option<string>("--dest-user") { Description = "Destination username[:password] for authentication (prompt if password is not supplied)" };
        var destPassword = new Option<string>("--dest-password") { Description = "Destination password for authentication (if this option is used, --dest-user option shouldn't include password)" };
        var args = CommandArguments.Positional("destination");
        var command = new Command("make-mirror", "Makes a mirror at the destination etcd cluster")
        {
            prefix, destPrefix, noDestPrefix, destCert, destKey, destCaCert, destInsecure, destUser, destPassword, args,
        };
        actions.Set(command, async context =>
        {
            var values = context.Get(args) ?? [];
            if (values.Length != 1)
            {
                throw CliException.BadArgs("make-mirror takes one destination argument");
            }

            var sourcePrefix = context.Get(prefix) ?? string.Empty;
            var destinationPrefix = context.Get(destPrefix) ?? string.Empty;
            if (context.Get(noDestPrefix) && destinationPrefix.Length > 0)
            {
                throw CliException.BadArgs("`--dest-prefix` and `--no-dest-prefix` cannot be set at the same time, choose one");
            }

            var (user, password) = Credentials(context.Get(destUser), context.Get(destPassword));
            var destination = context.Settings with
            {
                Endpoints = [values[0]],
                CaCert = NullIfEmpty(context.Get(destCaCert)),
                Cert = NullIfEmpty(context.Get(destCert)),
                Key = NullIfEmpty(context.Get(destKey)),
                InsecureTransport = context.Get(destInsecure),
                InsecureSkipTlsVerify = false,
                User = user,
                Password = password,
            };
            var options = new MirrorOptions
            {
                Prefix = sourcePrefix,
                DestinationPrefix = context.Get(noDestPrefix) ? EtcdBytes.Empty : destinationPrefix.Length > 0 ? destinationPrefix : null,
                Progress = new Total(),
            };

            if (!Global.SystemTrustStore.Unused(destination))
            {
                context.RequireSystemTrust();
            }

            await using var destinationClient = new EtcdClient(destination.ToClientOptions());
            var progress = (Total)options.Progress;
            using var report = new PeriodicTimer(ReportInterval);
            var reporting = ReportAsync(context, report, progress);
            try
            {
                await EtcdMirror.RunAsync(context.Client, destinationClient, options, context.CancellationToken);
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                // Ctrl+C is how a mirror is stopped.
            }
            finally
            {
                report.Dispose();
                await reporting;
            }
        });
        return command;
    }

    private static async Task ReportAsync(CommandContext context, PeriodicTimer timer, Total total)
    {
        while (await timer.WaitForNextTickAsync())
        {
            await context.Console.Out.WriteLineAsync(total.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static (string? User, string? Password) Credentials(string? user, string? password)
    {
        if (string.IsNullOrEmpty(user))
        {
            return (null, null);
        }

        var colon = user.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && password is null)
        {
            return (user[..colon], user[(colon + 1)..]);
        }

        if (password is null)
        {
            throw CliException.BadArgs("the destination password is required: give --dest-user=name:password or --dest-password");
        }

        return (user, password);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>The running total of keys written, read by the periodic report.</summary>
    private sealed class Total : IProgress<long>
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public void Report(long value) => Interlocked.Exchange(ref _value, value);
    }
}
