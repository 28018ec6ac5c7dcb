using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>alarm list and alarm disarm (every raised alarm).</summary>
internal static class AlarmCommands
{
    public static Command Create(CommandActions actions)
        => new("alarm", "Alarm related commands")
        {
            Alarm(actions, "disarm", "Disarms all alarms", (client, token) => client.Maintenance.AlarmDisarmAllAsync(token)),
            Alarm(actions, "list", "Lists all alarms", (client, token) => client.Maintenance.AlarmListAsync(token)),
        };

    private static Command Alarm(CommandActions actions, string name, string description, Func<EtcdClient, CancellationToken, Task<AlarmResponse>> call)
    {
        var args = CommandArguments.Positional("args");
        var command = new Command(name, description) { args };
        actions.Set(command, async context =>
        {
            if (context.Get(args) is { Length: > 0 })
            {
                throw CliException.BadArgs($"alarm {name} command accepts no arguments");
            }

            AlarmResponse response;
            try
            {
                using var timeout = context.CommandTimeout();
                response = await call(context.Client, timeout.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                throw MaintenanceErrors.Wrap(e);
            }

            AlarmPrinter.Alarms(context, response);
        });
        return command;
    }
}
