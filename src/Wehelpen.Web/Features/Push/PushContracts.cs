namespace Wehelpen.Web.Features.Push;

/// <summary>What a browser's <c>PushSubscription.toJSON()</c> gives.</summary>
public sealed record PushSubscriptionInput(string? Endpoint, long? ExpirationTime, PushKeysInput? Keys);

public sealed record PushKeysInput(string? P256dh, string? Auth);

public sealed record PushPublicKeyResponse(string PublicKey);

/// <summary>One of my devices. The push address itself is not shown: it is the device's secret with its push service.</summary>
public sealed record PushDeviceResponse(Guid Id, string Device, string? Browser, string? System, DateTimeOffset CreatedAt, DateTimeOffset? LastPushedAt);

public sealed record PushSettingsInput(string? QuietFrom, string? QuietUntil, bool? ChatPreview);

/// <param name="QuietFrom">"22:00", or null when there are no quiet hours.</param>
public sealed record PushSettingsResponse(string? QuietFrom, string? QuietUntil, bool ChatPreview);
