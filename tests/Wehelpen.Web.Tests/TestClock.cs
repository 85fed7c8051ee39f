namespace Wehelpen.Web.Tests;

/// <summary>A clock the test moves by hand. Bearer tokens live an hour: log in again after moving it further.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
