using System.Diagnostics.Metrics;

namespace Wehelpen.Web.Features.Chat;

/// <summary>Chat messages stored (a resend of the same message counts once), by thread: a circle's or a request's.</summary>
public sealed class ChatMetrics
{
    public const string MeterName = "Wehelpen.Chat";
    private readonly Counter<long> _messages;

    public ChatMetrics(IMeterFactory meters) =>
        _messages = meters.Create(MeterName).CreateCounter<long>("wehelpen.chat.messages", "{message}", "Chat messages stored, by thread (circle or request)");

    public void Stored(bool requestThread) =>
        _messages.Add(1, new KeyValuePair<string, object?>("thread", requestThread ? "request" : "circle"));
}
