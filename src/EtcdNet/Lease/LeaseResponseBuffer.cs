namespace EtcdNet.Lease;

/// <summary>
/// The renewals a <see cref="LeaseKeepAlive"/> has not handed to its enumeration yet: at most
/// <see cref="Capacity"/>, the oldest dropped first when a new one arrives and the buffer is full,
/// so a consumer that never enumerates costs a fixed amount of memory and a slow one always sees
/// the latest renewals. Then an end: normal, or an exception.
/// </summary>
internal sealed class LeaseResponseBuffer
{
    /// <summary>How many renewals are kept for the enumeration.</summary>
    public const int Capacity = 4;

    private readonly Lock _gate = new();
    private LeaseKeepAliveResponse[]? _items;
    private int _head;
    private int _count;
    private bool _ended;
    private Exception? _error;
    private TaskCompletionSource? _waiter;

    /// <summary>Renewals dropped because the buffer was full.</summary>
    public long Dropped { get; private set; }

    /// <summary>Adds a renewal, dropping the oldest kept one when full. Ignored after the end.</summary>
    public void Add(LeaseKeepAliveResponse response)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _items ??= new LeaseKeepAliveResponse[Capacity];
            if (_count == Capacity)
            {
                _items[_head] = response; // overwrite the oldest
                _head = (_head + 1) % Capacity;
                Dropped++;
            }
            else
            {
                _items[(_head + _count) % Capacity] = response;
                _count++;
            }

            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>Ends the buffer: once the kept renewals are taken, <see cref="TakeAsync"/> returns null, or throws <paramref name="error"/>.</summary>
    public void End(Exception? error)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            _error = error;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>The next renewal; null after a normal end.</summary>
    /// <exception cref="EtcdLeaseLostException">The lease was lost (after the kept renewals were taken).</exception>
    public async ValueTask<LeaseKeepAliveResponse?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_count > 0)
                {
                    var item = _items![_head];
                    _items[_head] = null!;
                    _head = (_head + 1) % Capacity;
                    _count--;
                    return item;
                }

                if (_ended)
                {
                    if (_error is not null)
                    {
                        throw _error;
                    }

                    return null;
                }

                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
