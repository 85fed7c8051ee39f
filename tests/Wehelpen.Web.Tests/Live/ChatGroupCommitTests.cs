using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Live;

/// <summary>
/// Chat at volume: messages sent at the same moment are written together by the node's one writer (group commit), and
/// still every one is numbered without gaps, answered to its own sender, and stored once however often it is sent.
/// </summary>
public sealed class ChatGroupCommitTests
{
    private const int PerConnection = 30;

    [Theory, BothDatabases]
    public async Task Many_messages_sent_at_once_from_several_screens_are_numbered_without_gaps_and_each_sender_gets_their_own(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var circle = LiveSteps.Circle(c.CircleId);
        var other = LiveSteps.Circle(c.OtherCircleId);
        // Two screens each for Carla and Mo in one circle; Stan writes in his own circle at the same time.
        var screens = new (string Name, string Id, object Target)[]
        {
            ("Carla Coördinator", c.CoordinatorId, circle), ("Carla Coördinator", c.CoordinatorId, circle),
            ("Mo Lid", c.MemberId, circle), ("Mo Lid", c.MemberId, circle), ("Stan Vreemde", c.StrangerId, other),
        };
        var connections = await Task.WhenAll(screens.Select(s => app.ConnectAsync(s.Name)));
        try
        {
            var sends = connections.SelectMany((connection, screen) => Enumerable.Range(1, PerConnection).Select(async i =>
            {
                var (clientId, text) = ($"screen{screen}-{i}", $"scherm {screen} bericht {i}");
                return (Screen: screen, ClientId: clientId, Text: text, Answer: await connection.SendChatAsync(screens[screen].Target, text, clientId));
            })).ToList();
            var answers = await Task.WhenAll(sends);

            foreach (var (screen, clientId, text, answer) in answers)
            {
                Assert.Equal(clientId, answer.GetProperty("clientMessageId").GetString());
                Assert.Equal(text, answer.GetProperty("text").GetString());
                Assert.Equal(screens[screen].Id, answer.GetProperty("authorId").GetString());
                Assert.Equal(screens[screen].Name, answer.GetProperty("authorName").GetString());
            }
            var inCircle = answers.Where(a => a.Screen < 4).Select(a => a.Answer.GetProperty("seq").GetInt64()).Order();
            Assert.Equal(Enumerable.Range(1, 4 * PerConnection).Select(i => (long)i), inCircle);
            var inOther = answers.Where(a => a.Screen == 4).Select(a => a.Answer.GetProperty("seq").GetInt64()).Order();
            Assert.Equal(Enumerable.Range(1, PerConnection).Select(i => (long)i), inOther);

            // What is stored is what was answered, and Mo's screen heard every message of the circle with that number.
            var history = await connections[2].HistoryAsync(circle, limit: Conversations.MaxPageSize);
            var stored = history.GetProperty("messages").EnumerateArray().ToDictionary(m => m.GetProperty("seq").GetInt64(), m => m.GetProperty("text").GetString()!);
            Assert.Equal(answers.Where(a => a.Screen < 4).ToDictionary(a => a.Answer.GetProperty("seq").GetInt64(), a => a.Text), stored);
            Assert.Equal(4 * PerConnection, history.GetProperty("lastSeq").GetInt64());
            for (var i = 0; i < 4 * PerConnection; i++) await connections[2].NextAsync(ChatEvents.ChatMessage);
            var heard = connections[2].Received(ChatEvents.ChatMessage).Select(m => m[0]).ToList();
            Assert.Equal(stored, heard.ToDictionary(m => m.GetProperty("seq").GetInt64(), m => m.GetProperty("text").GetString()!));
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    [Theory, BothDatabases]
    public async Task The_same_message_sent_from_two_screens_at_once_is_stored_once_and_both_get_it(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var circle = LiveSteps.Circle(c.CircleId);
        await using var phone = await app.ConnectAsync("Carla Coördinator");
        await using var laptop = await app.ConnectAsync("Carla Coördinator");
        await using var mo = await app.ConnectAsync("Mo Lid");

        // The outbox of a reconnecting browser may send a message again while the first send is still on its way.
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).SelectMany(i => new[]
        {
            phone.SendChatAsync(circle, $"bericht {i}", $"carla-{i}"),
            laptop.SendChatAsync(circle, $"bericht {i}", $"carla-{i}"),
            mo.SendChatAsync(circle, $"antwoord {i}", $"mo-{i}"),
        }));

        for (var i = 0; i < 10; i++)
        {
            var (fromPhone, fromLaptop) = (answers[3 * i], answers[3 * i + 1]);
            Assert.Equal(fromPhone.GetProperty("seq").GetInt64(), fromLaptop.GetProperty("seq").GetInt64());
            Assert.Equal(fromPhone.GetProperty("sentAt").GetDateTimeOffset(), fromLaptop.GetProperty("sentAt").GetDateTimeOffset());
        }
        var history = await mo.HistoryAsync(circle, limit: Conversations.MaxPageSize);
        Assert.Equal(20, history.GetProperty("lastSeq").GetInt64());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), history.Seqs());
        Assert.Equal(10, history.Texts().Count(t => t.StartsWith("bericht ", StringComparison.Ordinal)));
        // Every message was heard once: the twenty numbers, none twice.
        for (var i = 0; i < 20; i++) await mo.NextAsync(ChatEvents.ChatMessage);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), mo.Received(ChatEvents.ChatMessage).Select(m => m[0].GetProperty("seq").GetInt64()).Order());
    }

    [Theory, BothDatabases]
    public async Task A_batch_with_a_message_stored_before_and_one_sent_twice_stores_all_the_others(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        var circle = LiveSteps.Circle(c.CircleId);
        await carla.SendChatAsync(circle, "Ik breng soep mee.", "carla-1");

        // One batch as the writer would take it from its queue: a resend of what is stored, a message twice, two new ones.
        ChatWritten?[] written;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            written = await scope.ServiceProvider.GetRequiredService<ChatBatch>().WriteAsync([
                new ChatDraft(c.CircleId, c.CoordinatorId, "carla-1", "Ik breng soep mee."),
                new ChatDraft(c.CircleId, c.MemberId, "mo-1", "Fijn!"),
                new ChatDraft(c.CircleId, c.CoordinatorId, "carla-2", "En brood."),
                new ChatDraft(c.CircleId, c.CoordinatorId, "carla-2", "En brood."),
                new ChatDraft(c.OtherCircleId, c.StrangerId, "stan-1", "Hallo Truus."),
            ], CancellationToken.None);
        }

        Assert.Equal(new[] { (1L, false), (2L, true), (3L, true), (3L, false), (1L, true) }, written.Select(w => (w!.Seq, w.IsNew)));
        Assert.Equal(new[] { "Carla Coördinator", "Mo Lid", "Carla Coördinator", "Carla Coördinator", "Stan Vreemde" }, written.Select(w => w!.AuthorName));
        Assert.Equal(written[2]!.SentAt, written[3]!.SentAt);
        var history = await carla.HistoryAsync(circle);
        Assert.Equal(["Ik breng soep mee.", "Fijn!", "En brood."], history.Texts());
        Assert.Equal(3, history.GetProperty("lastSeq").GetInt64());
        // The circle's own chat numbering goes on after the batch.
        Assert.Equal(4, (await carla.SendChatAsync(circle, "Tot morgen.")).GetProperty("seq").GetInt64());
    }
}
