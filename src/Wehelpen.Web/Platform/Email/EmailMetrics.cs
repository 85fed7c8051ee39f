using System.Diagnostics.Metrics;

namespace Wehelpen.Web.Platform.Email;

/// <summary>
/// Mails handed to the mail server (or the folder) and the attempts that failed, by kind: what the sender is about
/// (<see cref="Notification"/>, <see cref="Account"/>, <see cref="CircleErased"/>), never to whom.
/// </summary>
public sealed class EmailMetrics
{
    public const string MeterName = "Wehelpen.Email";
    public const string Notification = "notification";
    public const string Account = "account";
    public const string CircleErased = "circle_erased";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;

    public EmailMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("wehelpen.mails.sent", "{mail}", "Mails handed over, by kind");
        _failed = meter.CreateCounter<long>("wehelpen.mails.failed", "{attempt}", "Attempts to send a mail that failed, by kind");
    }

    public void Sent(string kind) => _sent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Failed(string kind) => _failed.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
