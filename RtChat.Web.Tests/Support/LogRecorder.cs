using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RtChat.Web.Tests.Support;

public sealed record RecordedLog(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>
/// Keeps what the app logs, for the tests that check what it says. Register it as an <see cref="ILoggerProvider"/>;
/// the app's log-level configuration still decides what reaches it.
/// </summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLog> _logs = new();

    public IReadOnlyCollection<RecordedLog> Logs => _logs;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _logs);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<RecordedLog> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue(new RecordedLog(category, logLevel, formatter(state, exception), exception));
    }
}
