namespace Wehelpen.Web.Tests.Push;

/// <summary>One push message the <see cref="TestPushService"/> accepted for a subscriber: its decrypted text and the headers it came with.</summary>
/// <param name="Endpoint">The subscription's endpoint the message was posted to.</param>
/// <param name="Text">The plaintext after RFC 8291 decryption (empty for a push without payload).</param>
/// <param name="Ttl">The TTL header in seconds.</param>
/// <param name="Urgency">The Urgency header as sent; null when absent, which RFC 8030 reads as "normal".</param>
/// <param name="Topic">The Topic header; null when absent.</param>
/// <param name="ReceivedAt">When the service accepted it, by the service's clock.</param>
public sealed record ReceivedPush(string Endpoint, string Text, int Ttl, string? Urgency, string? Topic, DateTimeOffset ReceivedAt);
