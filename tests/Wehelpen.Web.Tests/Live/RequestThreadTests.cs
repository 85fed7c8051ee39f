using System.Net;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Live;

/// <summary>
/// Once a volunteer claims a request, whoever asked, the circle's coördinators and that volunteer talk in a thread on it;
/// nobody else reads it, and it is read-only once the request is closed.
/// </summary>
public sealed class RequestThreadTests
{
    private const string NotFound = "Dit gesprek bestaat niet, of het is niet voor u.";

    [Theory, BothDatabases]
    public async Task The_thread_opens_with_the_claim_is_private_to_those_involved_and_closes_with_the_request(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await app.VolunteerAsync("Vera Buurvrouw", "1055 KL");
        await app.VolunteerAsync("Piet Om De Hoek", "1055 KM");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        var thread = LiveSteps.Request(requestId);
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        await using var mo = await app.ConnectAsync("Mo Lid");
        await using var vera = await app.ConnectAsync("Vera Buurvrouw");
        await using var piet = await app.ConnectAsync("Piet Om De Hoek");

        Assert.Equal("Zodra iemand deze hulpvraag oppakt, kunt u hier met diegene praten.",
            await carla.RefusedAsync("SendChat", thread, new { clientMessageId = "c1", text = "Is er iemand?" }));
        Assert.Equal(NotFound, await vera.RefusedAsync("ChatHistory", thread, new { }));

        await vera.InvokeAsync("ClaimRequest", [requestId]);
        await vera.SendChatAsync(thread, "Ik kom om tien uur. Welke supermarkt?");
        var atCarla = await carla.NextMessageAsync("Ik kom om tien uur. Welke supermarkt?");
        await carla.SendChatAsync(thread, "De Albert Heijn op de hoek, dank je wel!");
        await vera.NextMessageAsync("De Albert Heijn op de hoek, dank je wel!");

        Assert.Equal("request", atCarla.GetProperty("target").GetProperty("kind").GetString());
        Assert.Equal(requestId, atCarla.GetProperty("target").GetProperty("id").GetGuid());
        foreach (var outsider in new[] { mo, piet })
        {
            Assert.Equal(NotFound, await outsider.RefusedAsync("ChatHistory", thread, new { }));
            Assert.Equal(NotFound, await outsider.RefusedAsync("SendChat", thread, new { clientMessageId = "o1", text = "Ik lees mee" }));
            Assert.Equal(NotFound, await outsider.RefusedAsync("Typing", thread));
        }
        // Mo hears the circle chat and Piet the next request nearby; the thread's messages would have come before.
        await carla.SendChatAsync(LiveSteps.Circle(c.CircleId), "Vera helpt morgen");
        await mo.NextMessageAsync("Vera helpt morgen");
        var next = await c.Coordinator.PostedIdAsync(c.CircleId);
        await piet.NextAsync(LiveEvents.Changed, e => e[0].GetProperty("requestId").GetString() == next.ToString());
        Assert.DoesNotContain(mo.Received(ChatEvents.ChatMessage), m => m[0].GetProperty("target").GetProperty("kind").GetString() == "request");
        Assert.Empty(piet.Received(ChatEvents.ChatMessage));

        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.ActAsync(requestId, "done")).StatusCode);
        const string closed = "Dit gesprek is gesloten, omdat de hulpvraag is afgerond. U kunt het nog wel teruglezen.";
        Assert.Equal(closed, await vera.RefusedAsync("SendChat", thread, new { clientMessageId = "v9", text = "Graag gedaan" }));
        Assert.Equal(closed, await carla.RefusedAsync("SendChat", thread, new { clientMessageId = "c9", text = "Nogmaals dank" }));
        var readBack = await vera.HistoryAsync(thread);
        Assert.Equal(["Ik kom om tien uur. Welke supermarkt?", "De Albert Heijn op de hoek, dank je wel!"], readBack.Texts());
        Assert.False(readBack.GetProperty("writable").GetBoolean());
        Assert.Equal(closed, readBack.GetProperty("closedReason").GetString());
    }

    [Theory, BothDatabases]
    public async Task A_volunteer_who_gives_the_task_back_no_longer_reads_the_thread_and_the_next_helper_starts_afresh(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (veraApi, _) = await app.VolunteerAsync("Vera Buurvrouw", "1055 KL");
        var (pietApi, _) = await app.VolunteerAsync("Piet Om De Hoek", "1055 KM");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        var thread = LiveSteps.Request(requestId);
        await using var vera = await app.ConnectAsync("Vera Buurvrouw");
        await using var piet = await app.ConnectAsync("Piet Om De Hoek");

        Assert.Equal(HttpStatusCode.OK, (await veraApi.ActAsync(requestId, "claim")).StatusCode);
        await vera.SendChatAsync(thread, "Mijn adres is Kinkerstraat 1, bel maar aan.");
        Assert.Equal(HttpStatusCode.OK, (await veraApi.ActAsync(requestId, "give-back", new { reason = "Ik ben ziek" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pietApi.ActAsync(requestId, "claim")).StatusCode);

        Assert.Equal(NotFound, await vera.RefusedAsync("ChatHistory", thread, new { }));
        Assert.Empty((await piet.HistoryAsync(thread)).Texts());
        await piet.SendChatAsync(thread, "Ik neem het over.");
        Assert.Equal(1, (await piet.HistoryAsync(thread)).Seqs().Single());
    }
}
