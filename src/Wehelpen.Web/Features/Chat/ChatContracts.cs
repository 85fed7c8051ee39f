namespace Wehelpen.Web.Features.Chat;

/// <summary>Which conversation: a circle's chat (<paramref name="Id"/> is the circle) or a request's thread (the request).</summary>
public sealed record ChatTarget(ChatKind Kind, Guid Id)
{
    public static ChatTarget Circle(Guid circleId) => new(ChatKind.Circle, circleId);
    public static ChatTarget Request(Guid requestId) => new(ChatKind.Request, requestId);
}

/// <param name="ClientMessageId">Made by the sender's device (a UUID will do): sending it again stores nothing new.</param>
public sealed record SendChatInput(string? ClientMessageId, string? Text);

/// <param name="Seq">Its place in the thread: 1, 2, 3, ... without gaps.</param>
public sealed record ChatMessageResponse(
    ChatTarget Target, Guid CircleId, long Seq, string AuthorId, string AuthorName, string Text, DateTimeOffset SentAt, string ClientMessageId);

/// <summary>Either the page before <paramref name="Before"/> (paging back) or the messages after a given one (catching up).</summary>
public sealed record ChatHistoryQuery(long? Before = null, long? After = null, int? Limit = null);

/// <param name="Messages">Oldest first.</param>
/// <param name="HasMore">There are older messages (paging back) or newer ones (catching up) beyond these.</param>
/// <param name="LastSeq">The newest message of the thread now; 0 when it has none.</param>
/// <param name="Writable">The caller may write here now; a request's thread closes with the request.</param>
/// <param name="ClosedReason">Why it cannot be written to, in the caller's language; null while writable.</param>
public sealed record ChatPage(
    ChatTarget Target, Guid CircleId, IReadOnlyList<ChatMessageResponse> Messages, bool HasMore, long LastSeq, long LastReadSeq,
    bool Writable, string? ClosedReason);

public sealed record MarkReadInput(long? Seq);

public sealed record UnreadCount(Guid CircleId, int Count);
