using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Live;

namespace Wehelpen.Web.Features.Live;

/// <summary>
/// The one hub (/hubs/live): the entry points of chat, presence and requests on the live transport (Platform/Live).
/// Which circles' traffic a connection gets is decided by <see cref="LiveConnections"/> from the database (through
/// Circles' <see cref="ILiveAudience"/>); a client cannot join anything by naming it. Every method checks the caller's rights again in
/// the database, as the API does, and answers a refusal with a <see cref="HubException"/> in the caller's language;
/// something that is not theirs is answered exactly like something that does not exist.
/// </summary>
public sealed class LiveHub(
    Conversations conversations, ChatAccess access, RequestLifecycle requests, CirclePresence presence, LiveConnections connections,
    ILiveSender live, TimeProvider clock, IStringLocalizer<SharedResource> text) : Hub
{
    /// <summary>A typing notice is passed on at most this often per conversation and connection.</summary>
    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(2);

    private string UserId => Context.User!.RequiredUserId();

    public override Task OnConnectedAsync() => connections.ConnectedAsync(Context.ConnectionId, UserId, Context.User!);

    public override Task OnDisconnectedAsync(Exception? exception) => connections.DisconnectedAsync(Context.ConnectionId);

    [EnableRateLimiting(ChatExtensions.SendLimit)]
    public async Task<ChatMessageResponse> SendChat(ChatTarget? target, SendChatInput? message) =>
        Unwrap(await conversations.SendAsync(UserId, Required(target), message ?? new SendChatInput(null, null), Context.ConnectionAborted));

    /// <summary>Paging back (<see cref="ChatHistoryQuery.Before"/>), or catching up after a reconnect (<see cref="ChatHistoryQuery.After"/>).</summary>
    public async Task<ChatPage> ChatHistory(ChatTarget? target, ChatHistoryQuery? query) =>
        Unwrap(await conversations.HistoryAsync(UserId, Required(target), query ?? new ChatHistoryQuery(), Context.ConnectionAborted));

    public async Task MarkChatRead(ChatTarget? target, long? seq) =>
        Unwrap(await conversations.MarkReadAsync(UserId, Required(target), new MarkReadInput(seq), Context.ConnectionAborted));

    public Task<IReadOnlyList<UnreadCount>> UnreadCounts() => conversations.UnreadAsync(UserId, Context.ConnectionAborted);

    /// <summary>Tells the others in the conversation that this person is typing; the client says so every few seconds while they type.</summary>
    public async Task Typing(ChatTarget? target)
    {
        var thread = Required(target);
        var key = $"typing:{thread.Kind}:{thread.Id}";
        var now = clock.GetUtcNow();
        if (Context.Items.TryGetValue(key, out var last) && last is DateTimeOffset at && now - at < TypingInterval) return;
        Context.Items[key] = now;
        var name = connections.NameOf(Context.ConnectionId);

        if (thread.Kind == ChatKind.Circle)
        {
            if (!connections.InCircle(Context.ConnectionId, thread.Id)) throw NotFound();
            await live.ToCircleAsync(thread.Id, ChatEvents.Typing, new TypingNotice(thread, thread.Id, UserId, name), exceptConnectionId: Context.ConnectionId);
            return;
        }
        var grant = await access.ResolveAsync(UserId, thread, Context.ConnectionAborted) ?? throw NotFound();
        if (!grant.CanWrite) throw new HubException(text[grant.ClosedKey!]);
        var others = (await access.ParticipantsAsync(thread.Id, Context.ConnectionAborted)).Where(p => p != UserId).ToList();
        await live.ToPeopleAsync(others, ChatEvents.Typing, new TypingNotice(thread, grant.CircleId, UserId, name));
    }

    /// <summary>The members of the circle who are here now.</summary>
    public async Task<IReadOnlyList<OnlineMember>> OnlineMembers(Guid circleId)
    {
        if (!connections.InCircle(Context.ConnectionId, circleId)) throw NotFound();
        return await presence.OnlineMembersAsync(circleId, Context.ConnectionAborted);
    }

    /// <summary>"Ik help" from a live alert: of volunteers claiming at once, one gets it and the others hear so kindly.</summary>
    public async Task<RequestDetails> ClaimRequest(Guid requestId) =>
        Unwrap(await requests.ClaimAsync(UserId, requestId, Context.ConnectionAborted));

    private ChatTarget Required(ChatTarget? target) => target ?? throw NotFound();

    private HubException NotFound() => new(text["Chat.NotFound"]);

    private static T Unwrap<T>(Outcome<T> outcome) where T : class =>
        outcome.Value ?? throw new HubException(outcome.Errors is { } errors
            ? string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value))
            : outcome.Refusal!.Message);
}
