using Wehelpen.Web.Platform.Live;

namespace Wehelpen.Web.Features.Chat;

/// <summary>What the hub tells clients about chat, by name; the payloads are JSON, camelCase.</summary>
public static class ChatEvents
{
    /// <summary><see cref="ChatMessageResponse"/>: a new message in a conversation the person is in.</summary>
    public const string ChatMessage = "chatMessage";

    /// <summary><see cref="TypingNotice"/>.</summary>
    public const string Typing = "typing";

    /// <summary><see cref="UnreadCount"/>: the person's unread count of a circle's chat changed on another screen.</summary>
    public const string Unread = "unread";
}

public sealed record TypingNotice(ChatTarget Target, Guid CircleId, string UserId, string Name);

/// <summary>
/// Who hears of a chat message once it is stored: a circle's chat goes to the circle, a request's thread to those
/// who take part in it now. Sent through the live transport after the save; it never fails the save.
/// </summary>
public sealed class ChatNews(ILiveSender live, IServiceScopeFactory scopes)
{
    public Task ChatMessageAsync(ChatAccessGrant grant, ChatMessageResponse message) => live.SafelyAsync(nameof(ChatMessageAsync), async () =>
    {
        if (grant.Target.Kind == ChatKind.Circle)
        {
            await live.ToCircleAsync(grant.CircleId, ChatEvents.ChatMessage, message);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var participants = await scope.ServiceProvider.GetRequiredService<ChatAccess>().ParticipantsAsync(grant.Target.Id, CancellationToken.None);
        await live.ToPeopleAsync(participants, ChatEvents.ChatMessage, message);
    });

    public Task UnreadAsync(string userId, UnreadCount count) => live.SafelyAsync(nameof(UnreadAsync), () =>
        live.ToPersonAsync(userId, ChatEvents.Unread, count));
}
