using System.Text;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Commands;

/// <summary>Runs watches for the watch command: prints each response, runs the per-event command, reads interactive input.</summary>
internal sealed class KvWatchRunner(CommandContext context)
{
    private readonly object _outputLock = new();
    private Exception? _failure; // the first interactive watch that failed

    /// <summary>Watches until interrupted (exit 5 without a message) or until the server ends the watch (exit 5, as etcdctl).</summary>
    public async Task<int> RunAsync(KvWatchRequest request)
    {
        if (await WatchAsync(request))
        {
            return ExitCodes.Interrupted;
        }

        throw new CliException(ExitCodes.Interrupted, "watch is canceled by the server");
    }

    /// <summary>Reads "watch …" and "progress" lines from stdin until it ends (exit 3, as etcdctl) or the command is interrupted.</summary>
    public async Task<int> RunInteractiveAsync(string? envKey, string? envRange)
    {
        var watches = new List<Task>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var token = stop.Token;
        try
        {
            while (true)
            {
                var line = await ReadLineAsync(context.Console.In, token);
                if (line is null)
                {
                    throw CliException.InvalidInput("Error reading watch request line: EOF");
                }

                var words = KvArgify.Split(line);
                if (words.Length < 1)
                {
                    WriteError($"Invalid command: {line} (watch and progress supported)");
                    continue;
                }

                switch (words[0])
                {
                    case "watch":
                        if (words.Length < 2 && string.IsNullOrEmpty(envKey))
                        {
                            WriteError($"Invalid command {line} (command type or key is not provided)");
                            continue;
                        }

                        await StartWatchAsync(KvWatchCommand.ParseInteractive(words, envKey, envRange), watches, stop);
                        break;
                    case "progress":
                        await context.Client.RequestProgressAsync(token);
                        break;
                    default:
                        WriteError($"Invalid command {line} (only support watch)");
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            if (Volatile.Read(ref _failure) is { } error)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }

            await Task.WhenAll(watches);
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>Starts one interactive watch and waits until etcd confirms it, so that a following "progress" line reaches it.</summary>
    private async Task StartWatchAsync(KvWatchRequest request, List<Task> watches, CancellationTokenSource stop)
    {
        var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = Task.Run(() => WatchAsync(request with { Options = request.Options with { CreatedNotify = true } }, created), CancellationToken.None);
        watches.Add(watch);
        _ = watch.ContinueWith(
            t =>
            {
                // A watch that fails (its per-event command failed, the server refused it) ends the
                // command with that error at once, as etcdctl does, instead of after Ctrl+C.
                Interlocked.CompareExchange(ref _failure, t.Exception!.GetBaseException(), null);
                try
                {
                    stop.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The command already ended.
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        await Task.WhenAny(created.Task, watch).WaitAsync(stop.Token);
    }

    // True when interrupted, false when the server ended the watch.
    private async Task<bool> WatchAsync(KvWatchRequest request, TaskCompletionSource? created = null)
    {
        var token = context.CancellationToken;
        try
        {
            await foreach (var response in context.Client.WatchAsync(request.Key, request.Options, token))
            {
                if (response.Created && response.Events.Count == 0)
                {
                    created?.TrySetResult();
                    continue;
                }

                lock (_outputLock)
                {
                    WatchPrinter.Print(context.Console.Out, context.Settings, response);
                    context.Console.Out.Flush();
                }

                foreach (var e in response.Events)
                {
                    if (request.Exec.Count > 0)
                    {
                        await KvWatchExec.RunAsync(context.Console, request.Exec, response, e, _outputLock, token);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return true;
        }
        catch (Exception e) when (e is EtcdCompactedException or EtcdWatchCanceledException)
        {
            WriteError($"watch was canceled ({e.Message})");
        }
        catch (EtcdPermissionDeniedException e)
        {
            // etcd ends the watch stream with this status; etcdctl prints it as gRPC reports it.
            WriteError($"watch was canceled (rpc error: code = PermissionDenied desc = {e.ServerMessage ?? e.Message})");
        }

        return token.IsCancellationRequested;
    }

    private void WriteError(string line)
    {
        lock (_outputLock)
        {
            context.Console.Error.WriteLine(line);
            context.Console.Error.Flush();
        }
    }

    // A line without its newline; null when the input ends before one.
    private static async Task<string?> ReadLineAsync(TextReader reader, CancellationToken token)
    {
        var builder = new StringBuilder();
        var buffer = new char[1];
        while (true)
        {
            if (await reader.ReadAsync(buffer, token) == 0)
            {
                return null;
            }

            if (buffer[0] == '\n')
            {
                return builder.ToString();
            }

            builder.Append(buffer[0]);
        }
    }
}
