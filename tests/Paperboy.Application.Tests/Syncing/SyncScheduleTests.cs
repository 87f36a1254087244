using Paperboy.Application.Syncing;

namespace Paperboy.Application.Tests.Syncing;

public sealed class SyncScheduleTests
{
    private static readonly SyncSchedule Default = new();

    [Fact]
    public void The_default_runs_at_half_past_eight_eastern_after_an_announcement()
    {
        // Monday 2026-11-23 12:00 UTC is 07:00 in New York (EST, UTC-5).
        var next = Default.NextAfter(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 1, 30, 0, TimeSpan.Zero), next!.Value.ToUniversalTime());
    }

    [Fact]
    public void Friday_and_saturday_have_no_announcement_so_the_next_run_is_sunday()
    {
        // Friday 2026-11-27 at 23:00 New York time.
        var next = Default.NextAfter(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 1, 30, 0, TimeSpan.Zero), next!.Value.ToUniversalTime());
        Assert.Equal(DayOfWeek.Sunday, next.Value.DayOfWeek);
    }

    [Fact]
    public void Daylight_saving_time_keeps_the_local_hour()
    {
        // Monday 2026-06-15: New York is on EDT (UTC-4), so 20:30 local is 00:30 UTC.
        var next = Default.NextAfter(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 6, 16, 0, 30, 0, TimeSpan.Zero), next!.Value.ToUniversalTime());
    }

    [Fact]
    public void A_schedule_without_days_never_runs_and_an_unknown_zone_is_refused()
    {
        Assert.Null(new SyncSchedule { Days = [] }.NextAfter(DateTimeOffset.UtcNow));
        Assert.Throws<InvalidOperationException>(() => new SyncSchedule { TimeZone = "Mars/Olympus_Mons" }.Validate());
    }
}
