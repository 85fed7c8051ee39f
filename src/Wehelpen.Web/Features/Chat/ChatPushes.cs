using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Push;
using Wehelpen.Web.Platform.Live;

namespace Wehelpen.Web.Features.Chat;

/// <summary>
/// A new message in a circle's chat, pushed to the members who have pushes on and are not on the site right now
/// (whoever is online sees it live). Who wrote it and where; the first words only for those who allowed a preview.
/// After the message's commit, in a unit of work of its own: a push that fails to be queued never fails the message.
/// </summary>
public sealed class ChatPushes(IServiceScopeFactory scopes, ILiveSender live, PushWake wake, TimeProvider clock, ILogger<ChatPushes> logger)
{
    private const int PreviewLength = 80;
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public async Task MessageAsync(ChatAccessGrant grant, ChatMessageResponse message)
    {
        if (grant.Target.Kind != ChatKind.Circle) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
            // Most messages go to nobody's device: one query settles that before anything else is read.
            var withDevices = await db.Set<CircleMember>().AsNoTracking()
                .Where(m => m.CircleId == grant.CircleId && m.UserId != message.AuthorId && db.Set<PushSubscription>().Any(s => s.UserId == m.UserId))
                .Select(m => new { m.UserId, CircleName = m.Circle!.Name }).ToListAsync();
            if (withDevices.Count == 0) return;
            var online = await live.OnlineAsync(withDevices.Select(m => m.UserId));
            var away = withDevices.Where(m => !online.Contains(m.UserId)).ToList();
            if (away.Count == 0) return;

            var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
            var now = clock.GetUtcNow();
            var link = $"/circles/{grant.CircleId}/chat";
            var queued = await scope.ServiceProvider.GetRequiredService<PushOutbox>().AddAsync(away.Select(m => new NewPush(m.UserId,
                $"chat:{grant.CircleId:N}:{message.Seq}", settings => new PushContent(
                    text["Push.Chat.Title", message.AuthorName, m.CircleName],
                    settings.ChatPreview ? PushContent.Shorten(message.Text, PreviewLength) : text["Push.Chat.NoPreview"],
                    link, Tag: $"chat-{grant.CircleId:N}"),
                Urgent: false, ExpiresAt: now + KeptFor)).ToList(), now, CancellationToken.None);
            if (queued == 0) return;
            await db.SaveChangesAsync();
            await wake.NowAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Pushes for message {Seq} in circle {CircleId} could not be queued.", message.Seq, grant.CircleId);
        }
    }
}
