using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Microsoft.AspNetCore.SignalR;
using Wehelpen.Web.Platform.Cluster;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Live;
using Wehelpen.Web.Tests.Matching;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Cluster;

/// <summary>
/// Two nodes of the app on one PostgreSQL database, side by side in this test process, as an operator runs two
/// processes behind a proxy: what people do on one node reaches the people on the other. (The real two-process
/// cluster behind nginx, with a node killed, is e2e/Wehelpen.E2E's cluster tests.)
/// </summary>
public sealed class TwoNodesTests
{
    [Fact]
    public async Task A_chat_message_sent_through_one_node_reaches_a_member_on_the_other_once_and_a_login_holds_on_both()
    {
        await using var a = await LiveSteps.StartAsync(DatabaseProvider.Postgres);
        await using var b = a.AnotherNode();
        var c = await a.TwoCirclesAsync();
        // Carla logs in on node A; her token opens the hub on node B: the nodes share their Data Protection keys.
        var token = await a.TokenAsync("Carla Coördinator");
        await using var carlaOnB = await b.OpenHubAsync(r => r.Headers.Authorization = $"Bearer {token}");
        await using var moOnA = await a.ConnectAsync("Mo Lid");

        var came = await carlaOnB.NextAsync(LiveEvents.Presence, p => p[0].GetProperty("userId").GetString() == c.MemberId);
        var online = await carlaOnB.InvokeAsync("OnlineMembers", [c.CircleId]);
        await moOnA.SendChatAsync(LiveSteps.Circle(c.CircleId), "Hallo vanaf node A");
        await moOnA.SendChatAsync(LiveSteps.Circle(c.CircleId), "En nog een");
        var first = await carlaOnB.NextMessageAsync("Hallo vanaf node A");
        await carlaOnB.NextMessageAsync("En nog een");
        await moOnA.DisposeAsync();
        var went = await carlaOnB.NextAsync(LiveEvents.Presence, p => p[0].GetProperty("userId").GetString() == c.MemberId && !p[0].GetProperty("online").GetBoolean());

        Assert.True(came[0].GetProperty("online").GetBoolean());
        Assert.Equal(["Carla Coördinator", "Mo Lid"], online.EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToArray());
        Assert.Equal("Mo Lid", first.GetProperty("authorName").GetString());
        // Heard once: the second message came after any second copy of the first would have.
        Assert.Single(carlaOnB.Received(ChatEvents.ChatMessage), m => m[0].GetProperty("text").GetString() == "Hallo vanaf node A");
        Assert.Equal(c.CircleId, went[0].GetProperty("circleId").GetGuid());
    }

    [Fact]
    public async Task Messages_written_through_both_nodes_at_once_are_numbered_without_gaps_and_a_message_sent_through_both_is_stored_once()
    {
        await using var a = await LiveSteps.StartAsync(DatabaseProvider.Postgres);
        await using var b = a.AnotherNode();
        var c = await a.TwoCirclesAsync();
        var (circle, other) = (LiveSteps.Circle(c.CircleId), LiveSteps.Circle(c.OtherCircleId));
        // Each node's writer gets batches over both circles, so the two lock the same threads at the same time.
        var carla = await Task.WhenAll(a.ConnectAsync("Carla Coördinator"), b.ConnectAsync("Carla Coördinator"));
        var stan = await Task.WhenAll(a.ConnectAsync("Stan Vreemde"), b.ConnectAsync("Stan Vreemde"));
        await using var moOnA = await a.ConnectAsync("Mo Lid");
        try
        {
            // A resend of each of Carla's messages goes through the other node, as a phone that changed networks would.
            var sends = Enumerable.Range(1, 20).SelectMany(i => new[]
            {
                carla[0].SendChatAsync(circle, $"bericht {i}", $"carla-{i}"),
                carla[1].SendChatAsync(circle, $"bericht {i}", $"carla-{i}"),
                moOnA.SendChatAsync(circle, $"antwoord {i}", $"mo-{i}"),
                stan[i % 2].SendChatAsync(other, $"elders {i}", $"stan-{i}"),
            });
            var answers = await Task.WhenAll(sends);

            for (var i = 0; i < 20; i++)
                Assert.Equal(answers[4 * i].GetProperty("seq").GetInt64(), answers[4 * i + 1].GetProperty("seq").GetInt64());
            var history = await moOnA.HistoryAsync(circle, limit: Conversations.MaxPageSize);
            Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), history.Seqs());
            Assert.Equal(20, history.Texts().Count(t => t.StartsWith("bericht ", StringComparison.Ordinal)));
            var elsewhere = await stan[0].HistoryAsync(other, limit: Conversations.MaxPageSize);
            Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), elsewhere.Seqs());
        }
        finally
        {
            foreach (var connection in carla.Concat(stan)) await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Someone_on_both_nodes_who_closes_one_screen_stays_online_for_the_circle()
    {
        await using var a = await LiveSteps.StartAsync(DatabaseProvider.Postgres);
        await using var b = a.AnotherNode();
        var c = await a.TwoCirclesAsync();
        await using var carla = await a.ConnectAsync("Carla Coördinator");
        await using var moOnB = await b.ConnectAsync("Mo Lid");
        var moOnA = await a.ConnectAsync("Mo Lid");

        await moOnA.DisposeAsync();
        await moOnB.SendChatAsync(LiveSteps.Circle(c.CircleId), "Nog steeds hier");
        await carla.NextMessageAsync("Nog steeds hier");
        var online = await carla.InvokeAsync("OnlineMembers", [c.CircleId]);

        Assert.DoesNotContain(carla.Received(LiveEvents.Presence), p => !p[0].GetProperty("online").GetBoolean());
        Assert.Contains("Mo Lid", online.EnumerateArray().Select(m => m.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Volunteers_on_different_nodes_are_both_alerted_one_wins_the_claim_and_the_other_sees_it_close_live()
    {
        var (a, _) = await MatchingSteps.StartAsync(DatabaseProvider.Postgres, waveSize: 2);
        await using var _a = a;
        await using var b = a.AnotherNode();
        var c = await a.TwoCirclesAsync();
        await a.VolunteerAsync("Bas Buur", "1056 AB");
        // Cor signs up through node B: node A's matching must know him before it asks anyone.
        await b.VolunteerAsync("Cor Dichtbij", "1061 AB");
        await BarrierAsync(from: b, to: a);
        await using var bas = await a.ConnectAsync("Bas Buur");
        await using var cor = await b.ConnectAsync("Cor Dichtbij");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);

        await a.SweepAsync();
        var alertForCor = (await cor.NextAsync(RequestEvents.Alert))[0];
        await bas.NextAsync(RequestEvents.Alert);
        var claims = await Task.WhenAll(ClaimAsync(bas, requestId), ClaimAsync(cor, requestId));

        Assert.Equal(requestId, alertForCor.GetProperty("request").GetProperty("id").GetGuid());
        Assert.Equal(1100, alertForCor.GetProperty("reasons").GetProperty("distanceMetres").GetInt32());
        Assert.Single(claims, r => r is null);
        Assert.Single(claims, r => r == "Iemand anders heeft deze hulpvraag al opgepakt. Dank u wel dat u wilde helpen!");
        var loser = claims[0] is null ? cor : bas;
        var closed = await loser.NextAsync(RequestEvents.AlertClosed);
        Assert.Equal("claimed", closed[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_bus_carries_messages_over_the_notify_limit_and_a_node_that_lost_its_connection_catches_up_in_order_once()
    {
        await using var a = await WehelpenApplication.StartAsync(DatabaseProvider.Postgres);
        await using var b = a.AnotherNode();
        _ = b.Server;
        var heard = new List<string>();
        var allHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Services.GetRequiredService<IClusterBus>().Subscribe("test", payload =>
        {
            lock (heard)
            {
                heard.Add(payload);
                if (payload == "40") allHeard.TrySetResult();
            }
            return Task.CompletedTask;
        });
        var busA = a.Services.GetRequiredService<IClusterBus>();
        // PostgreSQL refuses a NOTIFY of 8,000 bytes or more: this one is read from its row.
        var large = string.Concat(Enumerable.Repeat("Boodschappen voor mevrouw Jansen, één keer per week. ", 400));

        await busA.PublishAsync("test", large);
        await busA.PublishAsync("test", "0");
        // Node B's listening connection is cut, as a network fault or a PostgreSQL restart would; A goes on sending.
        await CutListenerAsync(a, b.Services.GetRequiredService<ClusterNode>());
        for (var i = 1; i <= 40; i++) await busA.PublishAsync("test", i.ToString());
        await allHeard.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await BarrierAsync(from: a, to: b);

        lock (heard) Assert.Equal([large, .. Enumerable.Range(0, 41).Select(i => i.ToString())], heard);
        Assert.True(b.Services.GetRequiredService<PostgresClusterBus>().IsListening);
    }

    [Fact]
    public async Task A_burst_of_messages_sent_at_once_arrives_whole_and_in_the_order_it_was_sent()
    {
        await using var a = await WehelpenApplication.StartAsync(DatabaseProvider.Postgres);
        await using var b = a.AnotherNode();
        _ = b.Server;
        var heard = new List<string>();
        b.Services.GetRequiredService<IClusterBus>().Subscribe("test", payload =>
        {
            lock (heard) heard.Add(payload);
            return Task.CompletedTask;
        });
        var busA = a.Services.GetRequiredService<IClusterBus>();
        // Sent without waiting for each other, so that they go out in batches; one in the middle is over the NOTIFY limit.
        var large = string.Concat(Enumerable.Repeat("Vervoer naar het ziekenhuis, dinsdag om negen uur. ", 400));
        var sent = Enumerable.Range(0, 1200).Select(i => i == 600 ? large : i.ToString()).ToList();

        await Task.WhenAll(sent.Select(payload => busA.PublishAsync("test", payload)).ToList());
        await BarrierAsync(from: a, to: b);

        lock (heard) Assert.Equal(sent, heard);
    }

    /// <summary>A message from one node that the other has heard: everything sent before it has been handled there too.</summary>
    private static async Task BarrierAsync(WehelpenApplication from, WehelpenApplication to)
    {
        var token = Guid.NewGuid().ToString();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        to.Services.GetRequiredService<IClusterBus>().Subscribe("test-barrier", payload =>
        {
            if (payload == token) heard.TrySetResult();
            return Task.CompletedTask;
        });
        await from.Services.GetRequiredService<IClusterBus>().PublishAsync("test-barrier", token);
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    private static async Task CutListenerAsync(WehelpenApplication app, ClusterNode node)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
             WHERE datname = current_database() AND application_name = $1 AND (query ILIKE 'LISTEN%' OR query ILIKE 'SELECT now()%')
            """, connection);
        command.Parameters.Add(new() { Value = $"wehelpen {node.Name} bus" });
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1, "No listening connection of the node was found to cut.");
    }

    private static async Task<string?> ClaimAsync(LiveConnection volunteer, Guid requestId)
    {
        try
        {
            await volunteer.InvokeAsync("ClaimRequest", [requestId]);
            return null;
        }
        catch (HubException refused)
        {
            return LiveConnection.Refusal(refused);
        }
    }
}
