namespace Wehelpen.LiveClient;

/// <summary>The server answered an invocation with an error. <see cref="Exception.Message"/> is the server's text, unchanged.</summary>
public sealed class HubInvocationException : Exception
{
    internal HubInvocationException(string method, string message) : base(message) => Method = method;

    /// <summary>The hub method that failed.</summary>
    public string Method { get; }

    /// <summary>
    /// The message of the exception the hub method threw, when the server passed it on (always for a HubException, for
    /// any exception with EnableDetailedErrors): the server's text without the
    /// "An unexpected error occurred invoking 'Method' on the server. HubException: " it puts in front. Null when the
    /// server's text has no exception in it.
    /// </summary>
    public string? HubExceptionMessage
    {
        get
        {
            var prefix = $"An unexpected error occurred invoking '{Method}' on the server. ";
            if (!Message.StartsWith(prefix, StringComparison.Ordinal)) return null;
            var typeEnd = Message.IndexOf(": ", prefix.Length, StringComparison.Ordinal);
            return typeEnd < 0 ? null : Message[(typeEnd + 2)..];
        }
    }
}
