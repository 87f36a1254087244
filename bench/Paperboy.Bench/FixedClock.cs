namespace Paperboy.Bench;

/// <summary>A clock stopped at one moment, so the digest day, the windows and the figures repeat from run to run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
