using System.Runtime.InteropServices;

namespace EtcdNet.Cli.Commands;

/// <summary>
/// Ends a held lock or election as etcdctl does on SIGINT or SIGTERM: a token cancelled by the command's
/// cancellation (Ctrl+C) or by SIGTERM, which is then handled instead of ending the process at once.
/// </summary>
internal sealed class LockInterrupt : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration? _terminate;

    public LockInterrupt(CancellationToken cancellationToken)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
            {
                signal.Cancel = true;
                Cancel();
            });
        }
    }

    /// <summary>Cancelled on interruption.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _terminate?.Dispose();
        _source.Dispose();
    }

    private void Cancel()
    {
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
