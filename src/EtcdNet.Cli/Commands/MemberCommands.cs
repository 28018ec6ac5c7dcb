using System.CommandLine;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>The membership commands: member add, remove, update, list and promote.</summary>
internal static class MemberCommands
{
    public static Command Create(CommandActions actions)
        => new("member", "Membership related commands")
        {
            Add(actions),
            Remove(actions),
            Update(actions),
            List(actions),
            Promote(actions),
        };

    private static Command Add(CommandActions actions)
    {
        var args = CommandArguments.Positional("memberName");
        var peerUrls = new Option<string>("--peer-urls") { Description = "comma separated peer URLs for the new member.", DefaultValueFactory = _ => string.Empty };
        var learner = new Option<bool>("--learner") { Description = "indicates if the new member is raft learner" };
        var command = new Command("add", "Adds a member into the cluster") { args, peerUrls, learner };
        actions.Set(command, async context =>
        {
            var values = context.Get(args) ?? [];
            if (values.Length < 1)
            {
                throw CliException.BadArgs("member name not provided");
            }

            if (values.Length > 1)
            {
                var message = "too many arguments";
                foreach (var value in values.Where(v => v.StartsWith("http", StringComparison.OrdinalIgnoreCase)))
                {
                    message += $", did you mean --peer-urls={value}";
                }

                throw CliException.BadArgs(message);
            }

            var urls = context.Get(peerUrls) ?? string.Empty;
            if (urls.Length == 0)
            {
                throw CliException.BadArgs("member peer urls not provided");
            }

            using var timeout = context.CommandTimeout();
            var response = await Call(() => context.Client.Cluster.MemberAddAsync(urls.Split(','), context.Get(learner), timeout.Token));
            MemberPrinter.Add(context, response, values[0], urls);
        });
        return command;
    }

    private static Command Remove(CommandActions actions)
    {
        var args = CommandArguments.Positional("memberID");
        var command = new Command("remove", "Removes a member from the cluster") { args };
        actions.Set(command, async context =>
        {
            var id = MemberId(context.Get(args));
            using var timeout = context.CommandTimeout();
            var response = await Call(() => context.Client.Cluster.MemberRemoveAsync(id, timeout.Token));
            MemberPrinter.Changed(context, "removed from", id, response.Header, response.Members);
        });
        return command;
    }

    private static Command Update(CommandActions actions)
    {
        var args = CommandArguments.Positional("memberID");
        var peerUrls = new Option<string>("--peer-urls") { Description = "comma separated peer URLs for the updated member.", DefaultValueFactory = _ => string.Empty };
        var command = new Command("update", "Updates a member in the cluster") { args, peerUrls };
        actions.Set(command, async context =>
        {
            var id = MemberId(context.Get(args));
            var urls = context.Get(peerUrls) ?? string.Empty;
            if (urls.Length == 0)
            {
                throw CliException.BadArgs("member peer urls not provided");
            }

            using var timeout = context.CommandTimeout();
            var response = await Call(() => context.Client.Cluster.MemberUpdateAsync(id, urls.Split(','), timeout.Token));
            MemberPrinter.Changed(context, "updated in", id, response.Header, response.Members);
        });
        return command;
    }

    private static Command List(CommandActions actions)
    {
        var command = new Command("list", "Lists all members in the cluster");
        actions.Set(command, async context =>
        {
            using var timeout = context.CommandTimeout();
            var response = await Call(() => context.Client.Cluster.MemberListAsync(timeout.Token));
            MemberPrinter.List(context, response);
        });
        return command;
    }

    private static Command Promote(CommandActions actions)
    {
        var args = CommandArguments.Positional("memberID");
        var command = new Command("promote", "Promotes a non-voting member in the cluster") { args };
        actions.Set(command, async context =>
        {
            var id = MemberId(context.Get(args));
            using var timeout = context.CommandTimeout();
            var response = await Call(() => context.Client.Cluster.MemberPromoteAsync(id, timeout.Token));
            MemberPrinter.Changed(context, "promoted in", id, response.Header, response.Members);
        });
        return command;
    }

    private static ulong MemberId(string[]? values)
        => values is { Length: 1 } ? MemberIds.Parse(values[0]) : throw CliException.BadArgs("member ID is not provided");

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw MaintenanceErrors.Wrap(e);
        }
    }
}
