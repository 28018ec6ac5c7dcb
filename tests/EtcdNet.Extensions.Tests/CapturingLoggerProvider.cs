using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EtcdNet.Extensions.Tests;

/// <summary>Collects the event ids of everything logged through it.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<int> _eventIds = new();

    public IEnumerable<int> EventIds => _eventIds;

    public ILogger CreateLogger(string categoryName) => new Logger(_eventIds);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<int> eventIds) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => eventIds.Enqueue(eventId.Id);
    }
}
