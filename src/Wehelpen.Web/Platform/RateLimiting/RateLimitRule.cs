namespace Wehelpen.Web.Platform.RateLimiting;

/// <summary>Whose tries are counted together.</summary>
public enum CountedPer
{
    /// <summary>The signed-in person (their user id), and someone not signed in by their client address.</summary>
    PersonOrAddress,

    /// <summary>Always the client address, also when someone is signed in (logging in, say).</summary>
    Address,
}

/// <summary>
/// One limit a feature sets on a way to write: at most <see cref="Permits"/> in each <see cref="Window"/>, counted
/// <see cref="Per"/>. Applied with <c>RequireRateLimiting(Name)</c> on an endpoint, <c>[EnableRateLimiting(Name)]</c>
/// on a page, a page handler or a hub method.
/// </summary>
/// <param name="Name">The policy name the endpoint, page or hub method names.</param>
/// <param name="Permits">How many per window, unless configuration says otherwise (see <see cref="Setting"/>).</param>
public sealed record RateLimitRule(string Name, int Permits, TimeSpan Window)
{
    /// <summary>The setting under <c>RateLimits</c> that overrides <see cref="Permits"/>; null when it is fixed.</summary>
    public string? Setting { get; init; }

    public CountedPer Per { get; init; } = CountedPer.PersonOrAddress;

    /// <summary>Whether looking (GET, HEAD) counts too: for what can be guessed by looking, such as a code.</summary>
    public bool CountsReads { get; init; }

    /// <summary>The resource key of the sentence that says what was done too often; the general one when null.</summary>
    public string? DetailKey { get; init; }
}
