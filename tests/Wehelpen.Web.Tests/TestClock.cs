namespace Wehelpen.Web.Tests;

/// <summary>
/// A clock the test sets or moves by hand (Microsoft.Extensions.TimeProvider.Testing is not available here).
/// Bearer tokens live an hour: log in again after moving it further.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
