using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Wehelpen.Web.Tests.Hosting;

/// <summary>
/// A mail server on loopback that refuses every recipient the way real ones do, repeating the address in its answer
/// ("550 5.1.1 &lt;jan@...&gt;: Recipient address rejected").
/// </summary>
public sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _refused;

    public RefusingSmtpServer()
    {
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many recipients it refused.</summary>
    public int Refused => Volatile.Read(ref _refused);

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            using (client)
            {
                try { await ConverseAsync(client.GetStream()); }
                catch (Exception e) when (e is IOException or OperationCanceledException) { }
            }
        }
    }

    private async Task ConverseAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 refusing.test ESMTP");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            switch (line.Split(' ', ':')[0].ToUpperInvariant())
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-refusing.test");
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    Interlocked.Increment(ref _refused);
                    await writer.WriteLineAsync($"550 5.1.1 {line[(line.IndexOf(':') + 1)..].Trim()}: Recipient address rejected: User unknown");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
