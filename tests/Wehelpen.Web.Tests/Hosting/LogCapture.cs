using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Wehelpen.Web.Tests.Hosting;

/// <summary>One log record as an operator's log would hold it: the message, every value, the exception and the scopes.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Text);

/// <summary>
/// Every log record of one app, added as one more logger provider (<c>services.AddSingleton&lt;ILoggerProvider&gt;</c>).
/// The app's own filters (appsettings.json "Logging") apply to it as to the console, so it sees what reaches the
/// operator, no more.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _records = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { formatter(state, exception) };
            Values(state, parts);
            if (exception is not null) parts.Add(exception.ToString());
            owner._scopes.ForEachScope((scope, list) => Values(scope, list), parts);
            owner._records.Enqueue(new CapturedLog(category, logLevel, string.Join("\n", parts)));
        }

        private static void Values(object? state, List<string> parts)
        {
            parts.Add(state?.ToString() ?? "");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                parts.AddRange(values.Select(v => $"{v.Key}={(v.Value is System.Collections.IEnumerable e and not string ? string.Join(",", e.Cast<object?>()) : v.Value)}"));
        }
    }
}
