using System.Net.WebSockets;

namespace Wehelpen.Web.Tests.Live;

/// <summary>
/// A WebSocket that passes everything on, but lets each send wait a turn first, as a send over a real network does
/// (a TestServer socket sends at once), and counts how many sends were under way at the same time.
/// </summary>
internal sealed class SendCountingWebSocket(WebSocket inner) : WebSocket
{
    private int _sending;
    private int _mostAtOnce;

    public int MostSendsAtOnce => Volatile.Read(ref _mostAtOnce);

    public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;
    public override string? CloseStatusDescription => inner.CloseStatusDescription;
    public override WebSocketState State => inner.State;
    public override string? SubProtocol => inner.SubProtocol;

    public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        var sending = Interlocked.Increment(ref _sending);
        InterlockedMax(ref _mostAtOnce, sending);
        try
        {
            await Task.Yield();
            await inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _sending);
        }
    }

    public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(buffer, cancellationToken);

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Abort() => inner.Abort();

    public override void Dispose() => inner.Dispose();

    private static void InterlockedMax(ref int most, int value)
    {
        var seen = Volatile.Read(ref most);
        while (value > seen)
        {
            var before = Interlocked.CompareExchange(ref most, value, seen);
            if (before == seen) return;
            seen = before;
        }
    }
}
