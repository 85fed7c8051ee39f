using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Platform.Live;

namespace Wehelpen.Web.Tests.Live;

/// <summary>
/// A person's connection to the live hub with the official client (<see cref="HubConnection"/>), for tests: straight
/// to the WebSocket (no negotiate), no reconnecting, every target of <see cref="LiveEvents"/> and the features' events kept in <see cref="Events"/>.
/// Invocations take and give JSON, so tests read what a browser would read. Also compiled into the e2e project.
/// </summary>
public sealed class LiveConnection : IAsyncDisposable
{
    private static readonly TimeSpan DefaultEventTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Every target the hub sends to, each with its one argument.</summary>
    private static readonly string[] Targets = new[] { typeof(LiveEvents), typeof(ChatEvents), typeof(RequestEvents), typeof(NotificationEvents) }
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveConnection(HubConnection hub, HubEventLog events)
    {
        Hub = hub;
        Events = events;
        hub.Closed += error =>
        {
            events.End(new InvalidOperationException($"the hub connection closed{(error is null ? "" : $": {error.Message}")}", error));
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
        foreach (var target in Targets)
            hub.On(target, [typeof(JsonElement)], arguments =>
            {
                events.Deliver(target, [(JsonElement)arguments[0]!]);
                return Task.CompletedTask;
            });
    }

    public HubConnection Hub { get; }

    public HubEventLog Events { get; }

    /// <summary>Completes when the connection has ended, for whatever reason (it never fails).</summary>
    public Task Closed => _closed.Task;

    public bool IsConnected => Hub.State == HubConnectionState.Connected;

    /// <summary>
    /// Connects to <paramref name="hub"/> (http or https: the client makes it ws or wss) over a WebSocket only.
    /// <paramref name="configure"/> sets the token, headers or the socket factory (see LiveSteps for the test server's).
    /// </summary>
    public static async Task<LiveConnection> StartAsync(Uri hub, Action<HttpConnectionOptions> configure, CancellationToken ct = default)
    {
        var events = new HubEventLog();
        var builder = new HubConnectionBuilder()
            .WithUrl(hub, HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                configure(o);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
            .ConfigureLogging(logging => logging.AddProvider(new DroppedEvents(events)));
        var connection = new LiveConnection(builder.Build(), events);
        try
        {
            await connection.Hub.StartAsync(ct);
        }
        catch
        {
            await connection.Hub.DisposeAsync();
            throw;
        }
        return connection;
    }

    /// <summary>Calls a hub method and waits for its answer, as JSON (undefined for a method that returns nothing).</summary>
    /// <exception cref="HubException">The server refused; <see cref="Refusal"/> gives the text a person would read.</exception>
    public async Task<JsonElement> InvokeAsync(string method, object?[] args, CancellationToken ct = default) =>
        await Hub.InvokeCoreAsync(method, typeof(JsonElement), args, ct) is JsonElement result ? result : default;

    public Task<T> InvokeAsync<T>(string method, object?[] args, CancellationToken ct = default) =>
        Hub.InvokeCoreAsync<T>(method, args, ct);

    /// <summary>Calls a hub method without waiting for it (the server answers nothing, also no error).</summary>
    public Task SendAsync(string method, object?[] args, CancellationToken ct = default) => Hub.SendCoreAsync(method, args, ct);

    /// <summary>
    /// The arguments of the first <paramref name="target"/> event (queued or still to come) that <paramref name="match"/>
    /// accepts, taken from the queue; within <paramref name="timeout"/> (10 s unless given), else a
    /// <see cref="TimeoutException"/> that lists what did arrive.
    /// </summary>
    public Task<JsonElement[]> NextAsync(string target, Func<JsonElement[], bool>? match = null, TimeSpan? timeout = null) =>
        Events.NextAsync(target, match, timeout ?? DefaultEventTimeout);

    /// <summary>Every <paramref name="target"/> event heard so far, taken or not, oldest first.</summary>
    public IReadOnlyList<JsonElement[]> Received(string target) => Events.Received(target);

    public ValueTask DisposeAsync() => Hub.DisposeAsync();

    /// <summary>
    /// The text of a refusal as the person reads it: SignalR puts "An unexpected error occurred invoking 'Method' on the
    /// server. HubException: " before a HubException's message.
    /// </summary>
    public static string Refusal(HubException refused) =>
        Regex.Match(refused.Message, @"^An unexpected error occurred invoking '[^']*' on the server\. \w+: (.*)$", RegexOptions.Singleline) is { Success: true } m
            ? m.Groups[1].Value
            : refused.Message;

    /// <summary>The client logs, and otherwise drops, an event without a handler or with arguments it cannot read.</summary>
    private sealed class DroppedEvents(HubEventLog events) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == typeof(HubConnection).FullName ? this : NullLogger;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name is "MissingHandler" or "ArgumentBindingFailure") events.Dropped(formatter(state, exception));
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public void Dispose()
        {
        }

        private static readonly ILogger NullLogger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }
}
