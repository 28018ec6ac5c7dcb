using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace EtcdNet.Extensions.Tests;

/// <summary>Records every IOptionsMonitor change so a test can wait for the one it expects.</summary>
public sealed class ChangeRecorder<T> : IDisposable
{
    private readonly Channel<T> _changes = Channel.CreateUnbounded<T>();
    private readonly IDisposable? _subscription;

    public ChangeRecorder(IOptionsMonitor<T> monitor) =>
        _subscription = monitor.OnChange(value => _changes.Writer.TryWrite(value));

    public async Task<T> WaitForAsync(Func<T, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var value = await _changes.Reader.ReadAsync(cts.Token);
            if (match(value))
            {
                return value;
            }
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
