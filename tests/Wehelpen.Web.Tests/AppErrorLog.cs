using Microsoft.Extensions.Logging;

namespace Wehelpen.Web.Tests;

/// <summary>
/// What the apps under test log as errors, appended to the file that WEHELPEN_TEST_APP_ERRORS names: the README's test
/// command sets it and shows the file's end when a test failed, since a test that gets a 500 can say no more than
/// that. Each line names the app by its test database's folder.
/// </summary>
internal sealed class AppErrorLog(string path, string app) : ILoggerProvider
{
    public const string Variable = "WEHELPEN_TEST_APP_ERRORS";

    private static readonly Lock FileLock = new();

    public static string? Path => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : null;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private void Write(string category, string message, Exception? exception)
    {
        var line = $"{DateTime.UtcNow:HH:mm:ss.fff} [{app}] {category}: {message}"
            + (exception is null ? "" : $" | {exception.GetType().FullName}: {exception.Message} {exception.InnerException?.Message}");
        lock (FileLock) File.AppendAllText(path, line.ReplaceLineEndings(" ") + Environment.NewLine);
    }

    private sealed class Logger(AppErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Write(category, formatter(state, exception), exception);
        }
    }
}
