namespace Wehelpen.LiveClient;

/// <summary>
/// The connection ended (or had ended) before an invocation was answered or a waited-for event arrived.
/// </summary>
public sealed class HubConnectionClosedException : Exception
{
    internal HubConnectionClosedException(string? closeError, Exception? cause, string? message = null)
        : base(message ?? Describe(closeError, cause), cause) => CloseError = closeError;

    /// <summary>The error in the server's Close message, if it sent one with an error.</summary>
    public string? CloseError { get; }

    private static string Describe(string? closeError, Exception? cause) => (closeError, cause) switch
    {
        ({ } error, _) => $"The hub connection closed: {error}",
        (null, { } failure) => $"The hub connection closed: {failure.Message}",
        _ => "The hub connection closed.",
    };
}
