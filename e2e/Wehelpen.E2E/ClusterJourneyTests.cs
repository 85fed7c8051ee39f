using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Microsoft.AspNetCore.SignalR;
using Wehelpen.Web.Tests.Live;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>
/// Issue 8's proof on a real two-node cluster (deploy/cluster.sh: PostgreSQL, nodes a and b as processes, nginx):
/// what someone does through one node reaches people on the other, live; two volunteers on different nodes never
/// both win a claim; and a node that stops hands its browsers over to the other without losing or doubling a
/// message. Each test starts with both nodes up (a test before may have stopped one) and leaves them so.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterJourneyTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private const string TakenAlready = "Iemand anders heeft deze hulpvraag al opgepakt";

    [Fact]
    public Task A_chat_message_sent_through_node_a_appears_in_a_browser_on_node_b_and_its_answer_reaches_node_a() => cluster.RunAsync(async () =>
    {
        await cluster.BothNodesUpAsync();
        string a = cluster.NodeAUrl, b = cluster.NodeBUrl;
        var carla = await ClusterPerson.RegisterAsync(cluster, a, "Carla Dochter", ["carer"]);
        var els = await ClusterPerson.RegisterAsync(cluster, b, "Els Buur", ["carer"]);
        var circle = await ClusterCircle.StartAsync(a, carla, "Vader Jan", (els, b));
        await using var carlaOnA = await carla.HubAsync(a);
        await JoinedAsync(carlaOnA);

        // Els reads the circle's chat in a browser that talks to node B only: the page, and its WebSocket.
        var page = await cluster.NewPageAsync(b);
        await using var browser = page.Context;
        await els.LogInAsync(page);
        await page.GotoAsync($"{circle.Path}/chat");
        await LivePage.NotReloadedAsync(page);

        // Carla writes through node A's API.
        await carla.OkAsync(a, HttpMethod.Post, $"/api/v1/circles/{circle.Id}/chat",
            new { clientMessageId = Guid.NewGuid().ToString(), text = "Wie gaat dinsdag mee naar de cardioloog?" });

        var log = page.GetByRole(AriaRole.Log);
        await Expect(log).ToContainTextAsync("Wie gaat dinsdag mee naar de cardioloog?");
        await Expect(log.Locator(".chat-message")).ToHaveCountAsync(1);
        Assert.True(await LivePage.StillTheSamePageAsync(page), "Els's chat page was reloaded.");

        // Els answers in the browser (node B); Carla's connection on node A hears it.
        await page.GetByLabel("Uw bericht").FillAsync("Ik kan, ik haal hem om half tien op.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        var answer = await carlaOnA.NextAsync("chatMessage", m => m[0].GetProperty("text").GetString() == "Ik kan, ik haal hem om half tien op.", TimeSpan.FromSeconds(20));

        Assert.Equal("Els Buur", answer[0].GetProperty("authorName").GetString());
        Assert.Equal(2, answer[0].GetProperty("seq").GetInt64());
        await Expect(log.Locator(".chat-message")).ToHaveCountAsync(2);
        // Carla heard her own message first (from node A itself) and Els's once, after it.
        Assert.Equal(["Wie gaat dinsdag mee naar de cardioloog?", "Ik kan, ik haal hem om half tien op."],
            carlaOnA.Received("chatMessage").Select(m => m[0].GetProperty("text").GetString()!).ToArray());
    });

    [Fact]
    public Task A_request_claimed_through_node_a_disappears_live_from_a_volunteers_list_open_on_node_b() => cluster.RunAsync(async () =>
    {
        await cluster.BothNodesUpAsync();
        string a = cluster.NodeAUrl, b = cluster.NodeBUrl;
        var carla = await ClusterPerson.RegisterAsync(cluster, a, "Carla Dochter", ["carer"]);
        var circle = await ClusterCircle.StartAsync(a, carla, "Vader Jan");
        // Vera signs up and becomes a volunteer through node B, Bas through node A.
        var vera = await ClusterPerson.RegisterAsync(cluster, b, "Vera Buurvrouw", ["volunteer"]);
        await vera.BecomeVolunteerAsync(b, "1055 KM");
        var bas = await ClusterPerson.RegisterAsync(cluster, a, "Bas Buurman", ["volunteer"]);
        await bas.BecomeVolunteerAsync(a, "1055 KM");
        var title = $"Boodschappen voor vader ({Guid.NewGuid().ToString()[..4]})";
        var first = await circle.AskForShoppingAsync(a, title);
        // Each node's matching learns of changes made on the other through the cluster bus, a moment later: wait
        // until both list the request for Vera (node A must know where Vera helps to tell her about changes).
        foreach (var node in new[] { a, b })
            await Eventually.ReturnsAsync(() => NearbyAsync(vera, node), ids => ids.Contains(first), TimeSpan.FromSeconds(30), $"{node} lists the request for Vera");

        var page = await cluster.NewPageAsync(b);
        await using var browser = page.Context;
        await vera.LogInAsync(page);
        await page.GotoAsync("/help");
        var list = page.Locator("#live-nearby");
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = title }).First).ToBeVisibleAsync();
        await LivePage.NotReloadedAsync(page);

        // A new request posted through node A appears in Vera's list on node B ...
        var secondTitle = $"Een brood halen ({Guid.NewGuid().ToString()[..4]})";
        await circle.AskForShoppingAsync(a, secondTitle);
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = secondTitle }).First).ToBeVisibleAsync();

        // ... and the first one, claimed by Bas through node A, leaves it.
        var claimed = await bas.OkAsync(a, HttpMethod.Post, $"/api/v1/requests/{first}/claim");
        Assert.Equal(bas.UserId, claimed.GetProperty("claimedById").GetString());
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(0);
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = secondTitle }).First).ToBeVisibleAsync();
        Assert.True(await LivePage.StillTheSamePageAsync(page), "Vera's list was reloaded.");
    });

    [Fact]
    public Task Two_volunteers_on_different_nodes_claiming_the_same_request_at_once_one_wins_and_the_other_is_told_kindly() => cluster.RunAsync(async () =>
    {
        await cluster.BothNodesUpAsync();
        string a = cluster.NodeAUrl, b = cluster.NodeBUrl;
        var carla = await ClusterPerson.RegisterAsync(cluster, a, "Carla Dochter", ["carer"]);
        var circle = await ClusterCircle.StartAsync(a, carla, "Moeder Ans");
        var bas = await ClusterPerson.RegisterAsync(cluster, a, "Bas Buurman", ["volunteer"]);
        await bas.BecomeVolunteerAsync(a, "1055 KM");
        var cor = await ClusterPerson.RegisterAsync(cluster, b, "Cor Dichtbij", ["volunteer"]);
        await cor.BecomeVolunteerAsync(b, "1055 KM");
        var requests = new List<Guid>();
        for (var i = 1; i <= 10; i++) requests.Add(await circle.AskForShoppingAsync(i % 2 == 0 ? a : b, $"Klus {i} voor moeder Ans"));
        await using var basOnA = await bas.HubAsync(a);
        await using var corOnB = await cor.HubAsync(b);
        await JoinedAsync(basOnA);
        await JoinedAsync(corOnB);
        // Warm connections, so that neither claim waits for a connection the other did not need.
        await bas.OkAsync(a, HttpMethod.Get, $"/api/v1/requests/{requests[0]}");
        await cor.OkAsync(b, HttpMethod.Get, $"/api/v1/requests/{requests[0]}");

        var winners = new List<string>();
        for (var i = 0; i < requests.Count; i++)
        {
            var id = requests[i];
            // Half through the API, half through the hub ("Ik help" on a live alert); both started at the same moment.
            var hub = i % 2 == 1;
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var onA = ClaimAsync(bas, a, basOnA, id, hub, go.Task);
            var onB = ClaimAsync(cor, b, corOnB, id, hub, go.Task);
            go.SetResult();
            var results = await Task.WhenAll(onA, onB);

            Assert.True(results.Count(r => r.Won) == 1, $"Request {i + 1} ({(hub ? "hub" : "API")}): {string.Join(" | ", results.Select(r => r.ToString()))}");
            // Really at once: each claim was sent before the other's answer came.
            Assert.True(results[0].Sent < results[1].Answered && results[1].Sent < results[0].Answered, $"Request {i + 1}: the claims did not overlap.");
            var loser = results.Single(r => !r.Won);
            Assert.Contains(TakenAlready, loser.Answer);
            var winner = results.Single(r => r.Won);
            var details = await carla.OkAsync(cluster.ProxyUrl, HttpMethod.Get, $"/api/v1/requests/{id}");
            Assert.Equal("claimed", details.GetProperty("summary").GetProperty("status").GetString());
            Assert.Equal(winner.Person.UserId, details.GetProperty("claimedById").GetString());
            Assert.Single(details.GetProperty("history").EnumerateArray(), e => e.GetProperty("change").GetString() == "claimed");
            winners.Add(winner.Person == bas ? "a" : "b");
        }
        output.WriteLine($"winners by node: {string.Join("", winners)}");
    });

    [Fact]
    public Task When_node_a_stops_its_browsers_reconnect_through_nginx_to_node_b_and_catch_up_without_gaps_or_duplicates() => cluster.RunAsync(async () =>
    {
        await cluster.BothNodesUpAsync();
        string a = cluster.NodeAUrl, b = cluster.NodeBUrl;
        var carla = await ClusterPerson.RegisterAsync(cluster, a, "Carla Dochter", ["carer"]);
        var els = await ClusterPerson.RegisterAsync(cluster, b, "Els Buur", ["carer"]);
        var circle = await ClusterCircle.StartAsync(a, carla, "Opa Kees", (els, a));
        try
        {
            // With node B down, everything of Els's page goes through nginx to node A: her WebSocket lives there.
            await cluster.NodeAsync('b', "stop");
            var page = await cluster.NewPageAsync(cluster.ProxyUrl);
            await using var browser = page.Context;
            await els.LogInAsync(page);
            await page.GotoAsync($"{circle.Path}/chat");
            await LivePage.NotReloadedAsync(page);
            await LivePage.RecordConnectionMarksAsync(page);
            await cluster.NodeAsync('b', "start");

            // Carla keeps writing through node B; node A stops (SIGTERM) after the tenth message; she writes on until
            // Els's page is back on the hub (through nginx, on node B: A is gone) and then five more.
            await using var carlaOnB = await carla.HubAsync(b);
            await JoinedAsync(carlaOnB);
            var log = page.GetByRole(AriaRole.Log);
            Task? stopping = null;
            var sent = 0;
            var sentWhileAway = 0;
            var afterBack = -1;
            while (afterBack < 5)
            {
                sent++;
                await carlaOnB.InvokeAsync("SendChat", [new { kind = "circle", id = circle.Id }, new { clientMessageId = Guid.NewGuid().ToString(), text = $"Bericht {sent}" }]);
                if (sent == 10)
                {
                    // Node A still has the page: it has every message so far, live.
                    await Expect(log.Locator(".chat-message")).ToHaveCountAsync(10);
                    stopping = cluster.NodeAsync('a', "stop");
                }
                if (stopping is not null)
                {
                    var connected = await page.EvaluateAsync<string>("() => document.body.dataset.liveConnected");
                    if (connected != "true") sentWhileAway++;
                    else if (afterBack >= 0 || (stopping.IsCompleted && sentWhileAway > 0)) afterBack++;
                }
                if (sent >= 500) Assert.Fail($"Els's page did not come back on the hub (marks: {string.Join(",", await LivePage.ConnectionMarksAsync(page))}).");
                // About the pace of a quick typist, so that the stop falls in the middle of the conversation.
                await Task.Delay(100);
            }
            await stopping!;
            Assert.False(cluster.NodeRuns('a'), "node a still runs");

            await Expect(log.Locator(".chat-message")).ToHaveCountAsync(sent, new() { Timeout = 30_000 });
            var texts = await log.Locator(".chat-message .chat-text").AllInnerTextsAsync();
            Assert.Equal(Enumerable.Range(1, sent).Select(i => $"Bericht {i}"), texts);
            var seqs = await log.Locator(".chat-message").EvaluateAllAsync<long[]>("items => items.map(i => Number(i.dataset.seq))");
            Assert.Equal(Enumerable.Range(1, sent).Select(i => (long)i), seqs);
            Assert.True(await LivePage.StillTheSamePageAsync(page), "Els's chat page was reloaded.");
            // It went away and came back: connected, then not, then connected again.
            var marks = await LivePage.ConnectionMarksAsync(page);
            Assert.Equal("true", marks[0]);
            Assert.Contains("false", marks);
            Assert.Equal("true", marks[^1]);
            Assert.True(sentWhileAway > 0, "No message was sent while the page was away from the hub: nothing was caught up.");
            output.WriteLine($"messages: {sent}, sent while the page was reconnecting: {sentWhileAway}, connection marks: {string.Join(",", marks)}");
        }
        finally
        {
            await cluster.BothNodesUpAsync();
        }
    });

    private sealed record Claim(ClusterPerson Person, bool Won, string Answer, long Sent, long Answered)
    {
        public override string ToString() => $"{Person.Name}: {(Won ? "won" : "refused")} {Answer}";
    }

    private static async Task<Claim> ClaimAsync(ClusterPerson person, string node, LiveConnection hub, Guid requestId, bool viaHub, Task go)
    {
        await go;
        var sent = System.Diagnostics.Stopwatch.GetTimestamp();
        if (viaHub)
        {
            try
            {
                var details = await hub.InvokeAsync("ClaimRequest", [requestId]);
                return new Claim(person, true, details.GetProperty("claimedById").GetString() ?? "", sent, System.Diagnostics.Stopwatch.GetTimestamp());
            }
            catch (HubException e)
            {
                return new Claim(person, false, e.Message, sent, System.Diagnostics.Stopwatch.GetTimestamp());
            }
        }
        using var response = await person.SendAsync(node, HttpMethod.Post, $"/api/v1/requests/{requestId}/claim");
        var answered = System.Diagnostics.Stopwatch.GetTimestamp();
        var body = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode) return new Claim(person, true, body, sent, answered);
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{person.Name}'s claim: {(int)response.StatusCode} {body}");
        return new Claim(person, false, body, sent, answered);
    }

    private static async Task<Guid[]> NearbyAsync(ClusterPerson volunteer, string node)
    {
        var nearby = await volunteer.OkAsync(node, HttpMethod.Get, "/api/v1/requests/nearby");
        return nearby.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray();
    }

    /// <summary>The hub answers a first call once it has put the connection in the person's circles (as live.js relies on).</summary>
    internal static Task JoinedAsync(LiveConnection client) => client.InvokeAsync("UnreadCounts", []);
}

/// <summary>What a test reads of live.js's state in a page.</summary>
public static class LivePage
{
    /// <summary>live.js marks the body once the hub has put the page's connection in the person's circles.</summary>
    public static Task OnTheHubAsync(IPage page) => Expect(page.Locator("body[data-live-connected=true]")).ToHaveCountAsync(1);

    /// <summary>Waits until the page is on the hub, and marks it, to see later that it was not reloaded.</summary>
    public static async Task NotReloadedAsync(IPage page)
    {
        await OnTheHubAsync(page);
        await page.EvaluateAsync("() => { window.wehelpenStillHere = true; }");
    }

    public static Task<bool> StillTheSamePageAsync(IPage page) => page.EvaluateAsync<bool>("() => window.wehelpenStillHere === true");

    /// <summary>From now on, every value live.js gives body[data-live-connected] is kept, in order.</summary>
    public static Task RecordConnectionMarksAsync(IPage page) => page.EvaluateAsync("""
        () => {
          window.liveMarks = [document.body.dataset.liveConnected];
          new MutationObserver(() => window.liveMarks.push(document.body.dataset.liveConnected))
            .observe(document.body, { attributes: true, attributeFilter: ["data-live-connected"] });
        }
        """);

    public static Task<string[]> ConnectionMarksAsync(IPage page) => page.EvaluateAsync<string[]>("() => window.liveMarks");
}
