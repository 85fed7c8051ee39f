using System.Net.WebSockets;

namespace Wehelpen.LiveClient;

public sealed partial class LiveHubClient
{
    private async Task ReceiveAsync()
    {
        Exception? failure = null;
        var closeMessage = false;
        try
        {
            while (await _reader.ReadAsync(CancellationToken.None) is { } record)
            {
                var message = HubMessage.Parse(record);
                if (message.Type == HubMessage.Close)
                {
                    _closeError = message.Error;
                    closeMessage = true;
                    break;
                }
                await HandleAsync(message);
            }
        }
        catch (Exception e)
        {
            // When disposing, the socket was aborted on purpose: that is no cause worth reporting.
            failure = _disposed != 0 ? null : e;
        }
        await EndAsync(failure, closeMessage);
    }

    private async ValueTask HandleAsync(HubMessage message)
    {
        switch (message.Type)
        {
            case HubMessage.Invocation when message.InvocationId is null:
                var arguments = message.Arguments();
                _inbox?.Deliver(message.Target!, arguments);
                _options.OnEvent?.Invoke(message.Target!, arguments);
                break;
            case HubMessage.Invocation:
                // The server asks for a result (a client result); answered, or its caller would wait forever.
                await _sender.SendCompletionErrorAsync(message.InvocationId, $"This client does not answer '{message.Target}'.", _lifetime.Token);
                break;
            case HubMessage.Completion:
                _pending.Complete(message.InvocationId!, message.Payload, message.Error);
                break;
        }
    }

    private async Task EndAsync(Exception? failure, bool closeMessage)
    {
        _connected = false;
        var closeError = _closeError;
        _pending.End(closeError, failure);
        _inbox?.End(closeError, failure);
        await _lifetime.CancelAsync();
        try
        {
            switch (_socket.State)
            {
                case WebSocketState.CloseReceived:
                    await _sender.CloseAsync(waitForServer: false, CloseTimeout);
                    break;
                case WebSocketState.Open when closeMessage:
                    await _sender.CloseAsync(waitForServer: true, CloseTimeout);
                    break;
                case WebSocketState.Open:
                    // Our side failed (a record that is no JSON, an OnEvent that threw): no polite goodbye.
                    _socket.Abort();
                    break;
            }
        }
        catch (Exception)
        {
            // The server did not finish the close in time, or was already gone.
            _socket.Abort();
        }
        _reader.Dispose();
        _closed.TrySetResult();
    }

    private async Task KeepAliveAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_lifetime.Token)) await _sender.SendAsync(MessageSender.Ping, _lifetime.Token);
        }
        catch (Exception)
        {
            // Stopped, or a ping found the connection gone: the receive loop sees that too and reports why.
        }
    }
}
