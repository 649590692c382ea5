namespace BlindSpot.Scoring.Tests.TestSupport;

/// <summary>A clock stopped at 2026-07-15 09:00 UTC, so model versions and cards are the same every run.</summary>
internal sealed class FixedClock : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2026, 7, 15, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
