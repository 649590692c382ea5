namespace BlindSpot.Portal.Tests.TestSupport;

/// <summary>A clock the test moves by hand (sessions' idle and absolute lifetimes, lock-out expiry).</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
