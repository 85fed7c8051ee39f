using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Wehelpen.LiveClient;

namespace Wehelpen.Web.Tests.Live;

public sealed class LiveHubClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_handshake_succeeds_and_invocations_return_their_results()
    {
        await using var host = await HubTestHost.StartAsync();
        await using var client = await host.ConnectAsync();

        var echoed = await client.InvokeAsync("Echo", ["hallo"]);
        var sum = await client.InvokeAsync<int>("Add", [2, 3]);
        var nothing = await client.InvokeAsync("Nothing", []);

        Assert.True(client.IsConnected);
        Assert.Equal("hallo", echoed.GetString());
        Assert.Equal(5, sum);
        Assert.Equal(JsonValueKind.Null, nothing.ValueKind);
    }

    [Fact]
    public async Task A_HubException_arrives_as_its_exact_text_and_the_connection_stays()
    {
        await using var host = await HubTestHost.StartAsync();
        await using var client = await host.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("Fail", []));

        // SignalR puts its own sentence and the exception's type before a HubException's text.
        Assert.Equal($"An unexpected error occurred invoking 'Fail' on the server. HubException: {EchoHub.FailText}", error.Message);
        Assert.Equal(EchoHub.FailText, error.HubExceptionMessage);
        Assert.Equal("Fail", error.Method);
        Assert.Equal("nog steeds", await client.InvokeAsync<string>("Echo", ["nog steeds"]));
    }

    [Fact]
    public async Task Events_are_queued_as_they_arrive_and_taken_in_order()
    {
        await using var host = await HubTestHost.StartAsync();
        await using var client = await host.ConnectAsync();

        foreach (var word in new[] { "een", "twee", "drie", "vier" }) await client.InvokeAsync("Broadcast", [word]);

        // Each event was written before its completion, so all four are here before anyone waits for them.
        Assert.Equal(["een", "twee", "drie", "vier"], client.Received("said").Select(Text));
        Assert.Equal("drie", Text(await client.NextAsync("said", arguments => Text(arguments) == "drie")));
        Assert.Equal("een", Text(await client.NextAsync("said")));
        Assert.Equal("twee", Text(await client.NextAsync("said")));
        Assert.Equal("vier", Text(await client.NextAsync("said")));
        Assert.Equal(4, client.Received("said").Count);
    }

    [Fact]
    public async Task An_event_that_comes_later_is_handed_to_whoever_waits_for_it()
    {
        await using var host = await HubTestHost.StartAsync();
        await using var client = await host.ConnectAsync();

        var waiting = client.NextAsync("said", arguments => Text(arguments) == "later", Patience);
        Assert.False(waiting.IsCompleted);
        await client.InvokeAsync("Broadcast", ["sooner"]);
        await client.InvokeAsync("Broadcast", ["later"]);

        Assert.Equal("later", Text(await waiting));
        Assert.Equal("sooner", Text(await client.NextAsync("said")));
    }

    [Fact]
    public async Task Waiting_in_vain_times_out_naming_the_target_and_what_did_arrive()
    {
        await using var host = await HubTestHost.StartAsync();
        await using var client = await host.ConnectAsync();
        await client.InvokeAsync("Broadcast", ["een"]);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(
            () => client.NextAsync("said", arguments => Text(arguments) == "nooit", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("'said'", timeout.Message);
        Assert.Contains("[\"een\"]", timeout.Message);
        Assert.Equal("een", Text(await client.NextAsync("said")));
    }

    [Fact]
    public async Task Two_clients_both_get_a_broadcast()
    {
        await using var host = await HubTestHost.StartAsync();
        await using var anna = await host.ConnectAsync();
        await using var bert = await host.ConnectAsync();

        await anna.InvokeAsync("Broadcast", ["voor iedereen"]);

        Assert.Equal("voor iedereen", Text(await anna.NextAsync("said")));
        Assert.Equal("voor iedereen", Text(await bert.NextAsync("said")));
    }

    [Fact]
    public async Task Received_shows_that_an_event_for_the_others_did_not_reach_the_caller()
    {
        await using var host = await HubTestHost.StartAsync();
        await using var anna = await host.ConnectAsync();
        await using var bert = await host.ConnectAsync();

        await anna.InvokeAsync("Whisper", ["niet voor Anna"]);

        // Bert's copy has come, and an event for Anna would have come before her completion: hers cannot be underway.
        Assert.Equal("niet voor Anna", Text(await bert.NextAsync("said")));
        Assert.Empty(anna.Received("said"));
        Assert.Single(bert.Received("said"));
    }

    [Fact]
    public async Task A_result_larger_than_64_KiB_arrives_whole()
    {
        await using var host = await HubTestHost.StartAsync();
        await using var client = await host.ConnectAsync();

        // The server sends it as many frames (one per few-KiB segment of its pipe), and the client starts with a 4 KiB
        // buffer: the record must be gathered over frames and the buffer grown.
        var big = await client.InvokeAsync<string>("Big", [300_000]);

        Assert.Equal(EchoHub.BigText(300_000), big);
        Assert.Equal("daarna", await client.InvokeAsync<string>("Echo", ["daarna"]));
    }

    [Fact]
    public async Task Invocations_from_many_tasks_at_once_each_get_their_own_result()
    {
        await using var host = await HubTestHost.StartAsync();
        SendCountingWebSocket? socket = null;
        await using var client = await host.ConnectAsync(wrap: inner => socket = new SendCountingWebSocket(inner));

        var sums = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => client.InvokeAsync<int>("Add", [i, 1000])))).WaitAsync(Patience);
        var echoes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => client.InvokeAsync<string>("Echo", [$"nummer {i}"])))).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(1000, 200), sums);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"nummer {i}"), echoes);
        Assert.Equal(1, socket!.MostSendsAtOnce);
    }

    [Fact]
    public async Task A_record_argument_with_an_enum_travels_as_camelCase_strings_both_ways()
    {
        await using var host = await HubTestHost.StartAsync();
        await using var client = await host.ConnectAsync();
        var visit = new Visit("Anna de Vries", DayPart.Afternoon);

        var sent = await client.InvokeAsync<string>("Raw", [visit]);
        var postponed = await client.InvokeAsync("Postpone", [visit]);

        Assert.Equal("""{"helper":"Anna de Vries","part":"afternoon"}""", sent);
        Assert.Equal("evening", postponed.GetProperty("part").GetString());
        Assert.Equal(visit with { Part = DayPart.Evening }, postponed.Deserialize<Visit>(LiveHubClientOptions.DefaultSerializerOptions));
    }

    [Fact]
    public async Task A_waiting_invocation_fails_when_the_server_aborts_the_connection()
    {
        await using var host = await HubTestHost.StartAsync();
        await using var client = await host.ConnectAsync();

        var hanging = client.InvokeAsync("Hang", []);
        await client.NextAsync("hanging");
        await client.SendAsync("Abort", []);

        await Assert.ThrowsAsync<HubConnectionClosedException>(() => hanging.WaitAsync(Patience));
        await client.Closed.WaitAsync(Patience);
        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<HubConnectionClosedException>(() => client.NextAsync("said"));
        await Assert.ThrowsAsync<HubConnectionClosedException>(() => client.InvokeAsync("Echo", ["te laat"]));
    }

    [Fact]
    public async Task The_error_of_the_servers_Close_message_is_surfaced()
    {
        await using var host = await HubTestHost.StartAsync();
        await using var client = await host.ConnectAsync("hubs/refusing");

        await client.Closed.WaitAsync(Patience);

        // EnableDetailedErrors is off, so the server names no exception, only that there was one.
        Assert.Equal("Connection closed with an error.", client.CloseError);
        var closed = await Assert.ThrowsAsync<HubConnectionClosedException>(() => client.InvokeAsync("Echo", ["hallo"]));
        Assert.Equal("Connection closed with an error.", closed.CloseError);
    }

    [Fact]
    public async Task Disposing_closes_the_connection_cleanly()
    {
        await using var host = await HubTestHost.StartAsync();
        var client = await host.ConnectAsync();
        await client.InvokeAsync("Echo", ["hallo"]);

        await client.DisposeAsync();

        Assert.Null(await host.Probe.FirstDisconnect.WaitAsync(Patience));
        Assert.True(client.Closed.IsCompleted);
        Assert.False(client.IsConnected);
        Assert.Null(client.CloseError);
        await client.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.InvokeAsync("Echo", ["te laat"]));
    }

    [Fact]
    public async Task ConnectAsync_speaks_to_the_hub_over_a_real_loopback_socket()
    {
        await using var host = await HubTestHost.StartAsync(overLoopback: true);
        await using var client = await host.ConnectAsync();

        Assert.Equal("over tcp", await client.InvokeAsync<string>("Echo", ["over tcp"]));
        await client.InvokeAsync("Broadcast", ["ook events"]);
        Assert.Equal("ook events", Text(await client.NextAsync("said")));
        Assert.Equal(EchoHub.BigText(100_000), await client.InvokeAsync<string>("Big", [100_000]));
        // Long texts, so that on a real socket sends take a while and would garble each other if they overlapped.
        static string Long(int i) => $"nummer {i} " + new string((char)('a' + i % 26), 20_000);
        var echoes = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => client.InvokeAsync<string>("Echo", [Long(i)])))).WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(0, 100).Select(Long), echoes);
    }

    private static string? Text(JsonElement[] arguments) => Assert.Single(arguments).GetString();
}

public enum DayPart { Morning, Afternoon, Evening }

public sealed record Visit(string Helper, DayPart Part);

/// <summary>A hub for the client's tests, with the server's real protocol behaviour behind it.</summary>
public sealed class EchoHub(HubProbe probe) : Hub
{
    public const string FailText = "Dit mag niet: één hulpvraag tegelijk, zó is de afspraak.";

    public static string BigText(int length) => string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i % 26)));

    public string Echo(string text) => text;

    public void Fail() => throw new HubException(FailText);

    public Task Broadcast(string text) => Clients.All.SendAsync("said", text);

    public Task Whisper(string text) => Clients.Others.SendAsync("said", text);

    public int Add(int a, int b) => a + b;

    public void Nothing()
    {
    }

    public string Big(int length) => BigText(length);

    public Visit Postpone(Visit visit) => visit with { Part = visit.Part + 1 };

    /// <summary>The argument as it came over the wire.</summary>
    public string Raw(JsonElement argument) => argument.GetRawText();

    /// <summary>Says it has started, then waits until the connection is gone.</summary>
    public async Task Hang()
    {
        await Clients.Caller.SendAsync("hanging");
        await Task.Delay(Timeout.Infinite, Context.ConnectionAborted);
    }

    public void Abort() => Context.Abort();

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        probe.Disconnected(exception);
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>A hub that fails every connection as it opens.</summary>
public sealed class RefusingHub : Hub
{
    public override Task OnConnectedAsync() => throw new InvalidOperationException("Geheim: niet voor de client.");
}
