using System.Buffers;
using System.Net.WebSockets;

namespace Wehelpen.LiveClient;

/// <summary>
/// Reads the records of the hub protocol, each ended by 0x1E, from a WebSocket. One WebSocket message may carry
/// several records and a record may span several frames, so received bytes are kept (in one pooled buffer that grows
/// for a large record and shrinks back once it is read) until their separator arrives.
/// Not thread-safe: one reader at a time, which the receive loop is.
/// </summary>
internal sealed class RecordReader(WebSocket socket) : IDisposable
{
    private const byte Separator = 0x1E;
    private const int InitialSize = 4096;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _start;   // first byte of the record being read
    private int _scanned; // bytes before this are known not to hold a separator
    private int _end;     // bytes received so far

    /// <summary>
    /// The next record, without its separator; valid until the next call. Null once the server closed the socket.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf(Separator);
            if (found >= 0)
            {
                var record = _buffer.AsMemory(_start, _scanned + found - _start);
                _start = _scanned = _scanned + found + 1;
                return record;
            }
            _scanned = _end;
            MakeRoom();
            var received = await socket.ReceiveAsync(_buffer.AsMemory(_end), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            _end += received.Count;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Moves the unfinished record to the front, and grows the buffer when that record fills it.</summary>
    private void MakeRoom()
    {
        var pending = _end - _start;
        if (pending == 0 && _buffer.Length > InitialSize) Replace(ArrayPool<byte>.Shared.Rent(InitialSize), 0);
        else if (_start > 0) _buffer.AsSpan(_start, pending).CopyTo(_buffer);
        else if (_end == _buffer.Length) Replace(ArrayPool<byte>.Shared.Rent(_buffer.Length * 2), pending);

        _start = 0;
        _scanned -= _end - pending;
        _end = pending;
    }

    private void Replace(byte[] larger, int keep)
    {
        _buffer.AsSpan(_start, keep).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
