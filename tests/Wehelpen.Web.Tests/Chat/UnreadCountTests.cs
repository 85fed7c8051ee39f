using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Chat;

/// <summary>
/// Unread counts stop at 99 ("99+"), so a badge costs the same for a chat of years as for a new one; someone who
/// joins a long chat starts with nothing unread.
/// </summary>
public sealed class UnreadCountTests
{
    [Theory, BothDatabases]
    public async Task A_long_unread_chat_shows_99_plus_and_a_new_member_starts_with_nothing_unread(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        await WrittenAsync(app, c.CircleId, c.CoordinatorId, 150, clock.GetUtcNow());

        var unread = await c.Member.GetFromJsonAsync<JsonElement>("/api/v1/chat/unread");
        Assert.Equal(100, unread[0].GetProperty("count").GetInt32()); // 100 stands for "more than 99"
        using var mo = await app.BrowserAsync("Mo Lid");
        Assert.Contains("<span data-unread-count>99+</span>", await mo.PageAsync("/circles"));

        clock.Advance(TimeSpan.FromMinutes(1));
        var (nina, _) = await app.PersonAsync("Nina Nieuw");
        await c.Coordinator.JoinAsync(c.CircleId, nina);
        Assert.Equal(0, (await nina.GetFromJsonAsync<JsonElement>("/api/v1/chat/unread"))[0].GetProperty("count").GetInt32());
        clock.Advance(TimeSpan.FromMinutes(1));
        var sent = await c.Coordinator.PostAsJsonAsync($"/api/v1/circles/{c.CircleId}/chat", new { clientMessageId = "na-de-komst", text = "Welkom Nina!" });
        sent.EnsureSuccessStatusCode();
        Assert.Equal(1, (await nina.GetFromJsonAsync<JsonElement>("/api/v1/chat/unread"))[0].GetProperty("count").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task A_bell_with_more_than_99_unread_says_99_plus(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (carla, carlaId) = await app.PersonAsync("Carla Coördinator");
        await app.QueryAsync(async db =>
        {
            db.AddRange(Enumerable.Range(1, 130).Select(i => new Notification
            {
                UserId = carlaId, Kind = NotificationKind.Digest, CreatedAt = clock.GetUtcNow(), SourceKey = $"test:{i}",
            }));
            return await db.SaveChangesAsync();
        });

        Assert.Equal(100, (await carla.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("unread").GetInt32());
        using var browser = await app.BrowserAsync("Carla Coördinator");
        var page = await browser.PageAsync("/");
        Assert.Contains("<span data-unread-count>99+</span>", page);
        Assert.Contains("99+ ongelezen", page);
    }

    /// <summary>Messages straight into the database (the API allows 30 a minute), numbered as the app numbers them.</summary>
    private static Task<int> WrittenAsync(WehelpenApplication app, Guid circleId, string authorId, int count, DateTimeOffset at) =>
        app.QueryAsync(async db =>
        {
            db.AddRange(Enumerable.Range(1, count).Select(seq => new ChatMessage
            {
                ThreadId = circleId, Seq = seq, AuthorId = authorId, ClientMessageId = $"seed-{seq}", Text = $"Bericht {seq}", SentAt = at,
            }));
            await db.SaveChangesAsync();
            return await db.Set<ChatThread>().Where(t => t.Id == circleId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastSeq, count));
        });
}
