using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Push;

namespace Wehelpen.Web.Features.Chat;

/// <summary>
/// A new message, pushed to the others in the conversation who have pushes on: a circle's chat to its members, a
/// request's thread to its participants (the circle's side and the helper). Also to those on the site: being online
/// is not reading this chat. The device that shows the conversation at that moment does not show the push (sw.js),
/// and one tag per conversation lets a new message replace the last one's notification instead of piling up.
/// Who wrote it and where; the first words only for those who allowed a preview. After the message's commit, in a
/// unit of work of its own: a push that fails to be queued never fails the message.
/// </summary>
public sealed class ChatPushes(IServiceScopeFactory scopes, PushWake wake, TimeProvider clock, ILogger<ChatPushes> logger)
{
    private const int PreviewLength = 80;
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    /// <summary>
    /// Someone who may be told, where tapping the push takes them, and where the message was written (the circle's
    /// name, or the request's title) for the title, which is worded when the push is made, in the reader's language.
    /// </summary>
    private sealed record Reader(string UserId, string Link, string TitleKey, string Where);

    public async Task MessageAsync(ChatAccessGrant grant, Guid threadId, ChatMessageResponse message)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var text = services.GetRequiredService<IStringLocalizer<SharedResource>>();
            var readers = grant.Target.Kind == ChatKind.Circle
                ? await CircleReadersAsync(services, grant.CircleId, message)
                : await ThreadReadersAsync(services, grant, message);
            if (readers.Count == 0) return;

            var now = clock.GetUtcNow();
            var tag = $"chat-{grant.Target.Id:N}";
            var queued = await services.GetRequiredService<PushOutbox>().AddAsync(readers.Select(r => new NewPush(r.UserId,
                $"chat:{threadId:N}:{message.Seq}", settings => new PushContent(text[r.TitleKey, message.AuthorName, r.Where],
                    settings.ChatPreview ? PushContent.Shorten(message.Text, PreviewLength) : text["Push.Chat.NoPreview"], r.Link, tag),
                Urgent: false, ExpiresAt: now + KeptFor)).ToList(), now, CancellationToken.None);
            if (queued == 0) return;
            await services.GetRequiredService<WehelpenDbContext>().SaveChangesAsync();
            await wake.NowAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Pushes for message {Seq} in {Kind} {TargetId} could not be queued.", message.Seq, grant.Target.Kind, grant.Target.Id);
        }
    }

    /// <summary>Most messages go to nobody's device: one query settles that before anything else is read.</summary>
    private static async Task<List<Reader>> CircleReadersAsync(IServiceProvider services, Guid circleId, ChatMessageResponse message)
    {
        var db = services.GetRequiredService<WehelpenDbContext>();
        var members = await db.Set<CircleMember>().AsNoTracking()
            .Where(m => m.CircleId == circleId && m.UserId != message.AuthorId && db.Set<PushSubscription>().Any(s => s.UserId == m.UserId))
            .Select(m => new { m.UserId, CircleName = m.Circle!.Name }).ToListAsync();
        return members.Select(m => new Reader(m.UserId, $"/circles/{circleId}/chat", "Push.Chat.Title", m.CircleName)).ToList();
    }

    /// <summary>The helper opens the request from their side (/help), the circle's side from the circle's.</summary>
    private static async Task<List<Reader>> ThreadReadersAsync(IServiceProvider services, ChatAccessGrant grant, ChatMessageResponse message)
    {
        var requestId = grant.Target.Id;
        var participants = (await services.GetRequiredService<ChatAccess>().ParticipantsAsync(requestId, CancellationToken.None))
            .Where(p => p != message.AuthorId).ToList();
        var db = services.GetRequiredService<WehelpenDbContext>();
        var withDevices = await db.Set<PushSubscription>().Where(s => participants.Contains(s.UserId)).Select(s => s.UserId).Distinct().ToListAsync();
        if (withDevices.Count == 0) return [];
        if (await services.GetRequiredService<IThreadRequests>().FindAsync(requestId, CancellationToken.None) is not { } request) return [];
        return withDevices.Select(userId => new Reader(userId,
            userId == grant.HelperId ? $"/help/{requestId}" : $"/circles/{grant.CircleId}/requests/{requestId}", "Push.RequestChat.Title", request.Title)).ToList();
    }
}
