using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Live;

/// <summary>The circle chat over the hub: delivered once to every member, stored, numbered without gaps, paged back.</summary>
public sealed class ChatHubTests
{
    [Theory, BothDatabases]
    public async Task A_message_reaches_every_member_with_its_author_and_number_and_is_kept(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        await using var mo = await app.ConnectAsync("Mo Lid");

        var sent = await carla.SendChatAsync(LiveSteps.Circle(c.CircleId), "  Wie gaat dinsdag mee naar de cardioloog?\r\nIk kan niet.  ");

        Assert.Equal(1, sent.GetProperty("seq").GetInt64());
        var heard = await mo.NextMessageAsync("Wie gaat dinsdag mee naar de cardioloog?\nIk kan niet.");
        Assert.Equal("Carla Coördinator", heard.GetProperty("authorName").GetString());
        Assert.Equal(c.CoordinatorId, heard.GetProperty("authorId").GetString());
        Assert.Equal(1, heard.GetProperty("seq").GetInt64());
        Assert.Equal(c.CircleId, heard.GetProperty("circleId").GetGuid());
        // The sender's other screens hear it too.
        await carla.NextMessageAsync("Wie gaat dinsdag mee naar de cardioloog?\nIk kan niet.");

        var page = await c.Member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/chat");
        Assert.Equal(["Wie gaat dinsdag mee naar de cardioloog?\nIk kan niet."], page.Texts());
        Assert.Equal(1, page.GetProperty("lastSeq").GetInt64());
    }

    [Theory, BothDatabases]
    public async Task A_message_sent_again_after_a_lost_answer_is_stored_and_delivered_once(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        await using var mo = await app.ConnectAsync("Mo Lid");
        var circle = LiveSteps.Circle(c.CircleId);

        var first = await carla.SendChatAsync(circle, "Ik breng soep mee.", "phone-7f3a");
        var again = await carla.SendChatAsync(circle, "Ik breng soep mee.", "phone-7f3a");
        // Both at once, as a resend racing the original would.
        var racing = await Task.WhenAll(
            carla.SendChatAsync(circle, "En brood.", "phone-7f3b"),
            carla.SendChatAsync(circle, "En brood.", "phone-7f3b"));

        Assert.Equal(first.GetProperty("seq").GetInt64(), again.GetProperty("seq").GetInt64());
        Assert.Equal(racing[0].GetProperty("seq").GetInt64(), racing[1].GetProperty("seq").GetInt64());
        await mo.NextMessageAsync("En brood.");
        // Every broadcast before "En brood." has arrived by now: the soup was heard once.
        Assert.Single(mo.Received(ChatEvents.ChatMessage), m => m[0].GetProperty("text").GetString() == "Ik breng soep mee.");
        Assert.Single(mo.Received(ChatEvents.ChatMessage), m => m[0].GetProperty("text").GetString() == "En brood.");
        Assert.Equal(["Ik breng soep mee.", "En brood."], (await mo.HistoryAsync(circle)).Texts());
    }

    [Theory, BothDatabases]
    public async Task Messages_sent_at_the_same_moment_are_numbered_one_by_one_without_gaps(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        await using var mo = await app.ConnectAsync("Mo Lid");
        var circle = LiveSteps.Circle(c.CircleId);

        var sends = Enumerable.Range(1, 12).Select(i => (i % 2 == 0 ? carla : mo).SendChatAsync(circle, $"bericht {i}"));
        var numbers = (await Task.WhenAll(sends)).Select(m => m.GetProperty("seq").GetInt64()).Order().ToArray();

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), numbers);
        var history = await mo.HistoryAsync(circle);
        Assert.Equal(numbers, history.Seqs());
        Assert.Equal(12, history.GetProperty("lastSeq").GetInt64());
    }

    [Theory, BothDatabases]
    public async Task After_a_reconnect_the_client_catches_up_on_exactly_what_it_missed(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        var circle = LiveSteps.Circle(c.CircleId);
        var mo = await app.ConnectAsync("Mo Lid");
        await carla.SendChatAsync(circle, "een");
        var seen = (await mo.NextMessageAsync("een")).GetProperty("seq").GetInt64();

        await mo.DisposeAsync(); // the train goes into a tunnel
        await carla.SendChatAsync(circle, "twee");
        await carla.SendChatAsync(circle, "drie");
        await using var back = await app.ConnectAsync("Mo Lid");
        var missed = await back.HistoryAsync(circle, after: seen);

        Assert.Equal(["twee", "drie"], missed.Texts());
        Assert.Equal([seen + 1, seen + 2], missed.Seqs());
        Assert.False(missed.GetProperty("hasMore").GetBoolean());
    }

    [Theory, BothDatabases]
    public async Task History_pages_back_from_the_newest_messages_to_the_first(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        var circle = LiveSteps.Circle(c.CircleId);
        for (var i = 1; i <= 25; i++) await carla.SendChatAsync(circle, $"bericht {i}");

        var newest = await carla.HistoryAsync(circle, limit: 10);
        var before = await carla.HistoryAsync(circle, before: 16, limit: 10);
        var first = await carla.HistoryAsync(circle, before: 6, limit: 10);
        var catchUp = await carla.HistoryAsync(circle, after: 20, limit: 3);

        Assert.Equal(Enumerable.Range(16, 10).Select(i => (long)i), newest.Seqs());
        Assert.True(newest.GetProperty("hasMore").GetBoolean());
        Assert.Equal(Enumerable.Range(6, 10).Select(i => (long)i), before.Seqs());
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), first.Seqs());
        Assert.False(first.GetProperty("hasMore").GetBoolean());
        Assert.Equal([21L, 22, 23], catchUp.Seqs());
        Assert.True(catchUp.GetProperty("hasMore").GetBoolean());
    }

    [Theory, BothDatabases]
    public async Task Messages_are_checked_as_the_api_checks_them_and_nothing_refused_is_stored(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        await using var english = await app.ConnectAsync("Mo Lid", "en");
        var circle = LiveSteps.Circle(c.CircleId);

        Assert.Equal("Vul dit in.", await carla.RefusedAsync("SendChat", circle, new { clientMessageId = "a1", text = "   " }));
        Assert.Equal("Dit is te lang: maximaal 2000 tekens, het zijn er nu 2001.",
            await carla.RefusedAsync("SendChat", circle, new { clientMessageId = "a2", text = new string('x', 2001) }));
        Assert.Contains("kenmerk van uw apparaat", await carla.RefusedAsync("SendChat", circle, new { clientMessageId = "<script>", text = "hoi" }));
        Assert.Contains("kenmerk van uw apparaat", await carla.RefusedAsync("SendChat", circle, new { text = "hoi" }));
        Assert.Equal("This is too long: at most 2000 characters, it is 2500 now.",
            await english.RefusedAsync("SendChat", circle, new { clientMessageId = "b1", text = new string('x', 2500) }));
        Assert.Equal("This conversation does not exist, or it is not for you.",
            await english.RefusedAsync("SendChat", null, new { clientMessageId = "b2", text = "hoi" }));

        // A message of exactly the limit goes through; one that is only spaces and line breaks did not.
        await carla.SendChatAsync(circle, new string('x', 2000));
        Assert.Single((await carla.HistoryAsync(circle)).Texts());
    }

    [Theory, BothDatabases]
    public async Task Text_is_stored_and_sent_as_typed_never_as_markup(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        var script = "<script>alert('hoi')</script> & <b>vet</b>";

        await carla.SendChatAsync(LiveSteps.Circle(c.CircleId), script);

        Assert.Equal(script, (await carla.NextMessageAsync(script)).GetProperty("text").GetString());
        var browser = await app.BrowserAsync("Mo Lid", followRedirects: true);
        var html = await browser.GetStringAsync($"/circles/{c.CircleId}/chat");
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;hoi&#x27;)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;", html);
    }
}
