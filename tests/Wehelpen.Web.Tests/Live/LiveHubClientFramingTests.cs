using System.Text;
using System.Text.Json;
using Wehelpen.LiveClient;

namespace Wehelpen.Web.Tests.Live;

/// <summary>The client against a scripted server that sends exactly the frames each test needs.</summary>
public sealed class LiveHubClientFramingTests
{
    private const string End = "\u001e";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Records_packed_into_one_message_and_spread_over_messages_and_frames_are_all_read()
    {
        var cafe = Encoding.UTF8.GetBytes("""{"type":1,"target":"word","arguments":["café"]}""" + End);
        var splitInsideE = Array.IndexOf(cafe, (byte)0xC3) + 1; // between the two bytes of 'é'
        await using var server = await ScriptedHubServer.StartAsync(async hub =>
        {
            await hub.HandshakeAsync();
            await hub.SendAsync(Event("n", 1) + Event("n", 2) + """{"type":1,"tar""");
            await hub.SendAsync("""get":"n","arguments":[3]}""" + End);
            await hub.SendAsync(cafe[..splitInsideE], endOfMessage: false);
            await hub.SendAsync(cafe[splitInsideE..^1], endOfMessage: false);
            await hub.SendAsync(cafe[^1..], endOfMessage: true);
            Assert.Null(await hub.ReceiveRecordAsync());
        });
        await using (var client = await server.ConnectAsync())
        {
            Assert.Equal(1, Number(await client.NextAsync("n")));
            Assert.Equal(2, Number(await client.NextAsync("n")));
            Assert.Equal(3, Number(await client.NextAsync("n")));
            Assert.Equal("café", Assert.Single(await client.NextAsync("word")).GetString());
        }
        await server.Played.WaitAsync(Patience);
    }

    [Fact]
    public async Task Message_types_the_client_does_not_use_are_passed_over()
    {
        await using var server = await ScriptedHubServer.StartAsync(async hub =>
        {
            await hub.HandshakeAsync();
            await hub.SendAsync(
                """{"type":6}""" + End +
                """{"type":2,"invocationId":"9","item":"x"}""" + End +
                """{"type":4,"invocationId":"9","target":"Stream","arguments":[]}""" + End +
                """{"type":5,"invocationId":"9"}""" + End +
                """{"type":8,"sequenceId":1}""" + End +
                """{"type":9,"sequenceId":1}""" + End +
                """{"type":1,"target":"after","arguments":[7],"headers":{"x":"y"}}""" + End);
            Assert.Null(await hub.ReceiveRecordAsync());
        });
        await using (var client = await server.ConnectAsync())
        {
            Assert.Equal(7, Number(await client.NextAsync("after")));
            Assert.True(client.IsConnected);
        }
        await server.Played.WaitAsync(Patience);
    }

    [Fact]
    public async Task Invocations_go_out_in_the_protocols_shape()
    {
        await using var server = await ScriptedHubServer.StartAsync(async hub =>
        {
            await hub.HandshakeAsync();
            Assert.Equal("""{"type":1,"invocationId":"1","target":"Echo","arguments":["hallo",null,{"helper":"Bert","part":"morning"}]}""", await hub.ReceiveRecordAsync());
            await hub.SendAsync("""{"type":3,"invocationId":"1","result":"terug"}""" + End);
            Assert.Equal("""{"type":1,"target":"Tell","arguments":[]}""", await hub.ReceiveRecordAsync());
            Assert.Null(await hub.ReceiveRecordAsync());
        });
        await using (var client = await server.ConnectAsync())
        {
            Assert.Equal("terug", await client.InvokeAsync<string>("Echo", ["hallo", null, new Visit("Bert", DayPart.Morning)]));
            await client.SendAsync("Tell", []);
        }
        await server.Played.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_refused_handshake_fails_the_start_with_the_servers_text()
    {
        await using var server = await ScriptedHubServer.StartAsync(hub => hub.HandshakeAsync("""{"error":"Requested protocol 'json' is not available."}"""));

        var refused = await Assert.ThrowsAsync<HubHandshakeException>(() => server.ConnectAsync());

        Assert.Equal("Requested protocol 'json' is not available.", refused.Message);
        await server.Played.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_ping_goes_out_every_keep_alive_interval()
    {
        await using var server = await ScriptedHubServer.StartAsync(async hub =>
        {
            await hub.HandshakeAsync();
            Assert.Equal("""{"type":6}""", await hub.ReceiveRecordAsync());
            Assert.Equal("""{"type":6}""", await hub.ReceiveRecordAsync());
        });
        await using var client = await server.ConnectAsync(new LiveHubClientOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(50) });

        await server.Played.WaitAsync(Patience);
        await client.Closed.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_server_invocation_that_wants_a_result_is_answered_with_an_error()
    {
        await using var server = await ScriptedHubServer.StartAsync(async hub =>
        {
            await hub.HandshakeAsync();
            await hub.SendAsync("""{"type":1,"invocationId":"s1","target":"Ask","arguments":[]}""" + End);
            using var answer = JsonDocument.Parse(await hub.ReceiveRecordAsync() ?? "null");
            Assert.Equal(3, answer.RootElement.GetProperty("type").GetInt32());
            Assert.Equal("s1", answer.RootElement.GetProperty("invocationId").GetString());
            Assert.Contains("'Ask'", answer.RootElement.GetProperty("error").GetString());
        });
        await using var client = await server.ConnectAsync();

        await server.Played.WaitAsync(Patience);
        Assert.Empty(client.Received("Ask"));
    }

    [Fact]
    public async Task A_Close_message_fails_what_waits_with_its_error_and_the_client_closes_its_side()
    {
        await using var server = await ScriptedHubServer.StartAsync(async hub =>
        {
            await hub.HandshakeAsync();
            Assert.StartsWith("""{"type":1,"invocationId":"1","target":"Slow",""", await hub.ReceiveRecordAsync());
            await hub.SendAsync("""{"type":7,"error":"De server gaat uit.","allowReconnect":true}""" + End);
            Assert.Null(await hub.ReceiveRecordAsync());
        });
        await using var client = await server.ConnectAsync();

        var closed = await Assert.ThrowsAsync<HubConnectionClosedException>(() => client.InvokeAsync("Slow", []).WaitAsync(Patience));
        var waiting = await Assert.ThrowsAsync<HubConnectionClosedException>(() => client.NextAsync("said"));

        Assert.Equal("De server gaat uit.", closed.CloseError);
        Assert.Contains("De server gaat uit.", waiting.Message);
        await client.Closed.WaitAsync(Patience);
        Assert.Equal("De server gaat uit.", client.CloseError);
        await server.Played.WaitAsync(Patience);
    }

    [Fact]
    public async Task Without_queueing_every_event_goes_to_the_callback_only()
    {
        var seen = new List<string>();
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedHubServer.StartAsync(async hub =>
        {
            await hub.HandshakeAsync();
            await hub.SendAsync(Event("a", 1) + Event("b", 2));
            await hub.SendAsync(Event("a", 3));
            Assert.Null(await hub.ReceiveRecordAsync());
        });
        var options = new LiveHubClientOptions
        {
            QueueEvents = false,
            OnEvent = (target, arguments) =>
            {
                seen.Add($"{target}{arguments[0].GetInt32()}");
                if (seen.Count == 3) third.SetResult();
            },
        };
        await using (var client = await server.ConnectAsync(options))
        {
            await third.Task.WaitAsync(Patience);
            Assert.Equal(["a1", "b2", "a3"], seen);
            Assert.Throws<InvalidOperationException>(() => client.Received("a"));
        }
        await server.Played.WaitAsync(Patience);
    }

    private static string Event(string target, int number) => $$"""{"type":1,"target":"{{target}}","arguments":[{{number}}]}""" + End;

    private static int Number(JsonElement[] arguments) => Assert.Single(arguments).GetInt32();
}
