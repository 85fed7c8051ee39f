namespace Wehelpen.LiveClient;

/// <summary>The server refused the handshake. <see cref="Exception.Message"/> is the server's text, unchanged.</summary>
public sealed class HubHandshakeException : Exception
{
    internal HubHandshakeException(string message) : base(message)
    {
    }
}
