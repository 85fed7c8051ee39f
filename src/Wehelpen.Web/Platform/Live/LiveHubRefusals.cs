using Microsoft.AspNetCore.SignalR;

namespace Wehelpen.Web.Platform.Live;

/// <summary>
/// The one place where a failed hub call is logged. A <see cref="HubException"/> is a refusal the caller is told about
/// (not a member, someone else was first, a message too long): an ordinary answer, logged at Information without a
/// stack trace. Anything else broke, and is an error with its stack trace. SignalR's own "Failed to invoke hub method"
/// error, which it would write for both alike, is filtered out (<see cref="DispatcherCategory"/>, in LiveExtensions).
/// </summary>
internal sealed partial class LiveHubRefusals(ILogger<LiveHubRefusals> logger) : IHubFilter
{
    /// <summary>Logs nothing above Debug but that one error.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocation);
        }
        catch (HubException)
        {
            // The message is the caller's text in their language; ids are enough to follow it up.
            Refused(invocation.HubMethodName, invocation.Context.UserIdentifier, invocation.Context.ConnectionId);
            throw;
        }
        catch (OperationCanceledException) when (invocation.Context.ConnectionAborted.IsCancellationRequested)
        {
            Abandoned(invocation.HubMethodName, invocation.Context.ConnectionId);
            throw;
        }
        catch (Exception e)
        {
            Failed(e, invocation.HubMethodName, invocation.Context.UserIdentifier, invocation.Context.ConnectionId);
            throw;
        }
    }

    [LoggerMessage(LogLevel.Information, "Hub call {Method} by {UserId} on {ConnectionId} refused")]
    private partial void Refused(string method, string? userId, string connectionId);

    [LoggerMessage(LogLevel.Debug, "Hub call {Method} on {ConnectionId} stopped: the connection closed")]
    private partial void Abandoned(string method, string connectionId);

    [LoggerMessage(LogLevel.Error, "Hub call {Method} by {UserId} on {ConnectionId} failed")]
    private partial void Failed(Exception exception, string method, string? userId, string connectionId);
}
