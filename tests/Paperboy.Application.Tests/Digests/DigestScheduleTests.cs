using Paperboy.Application.Digests;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Application.Tests.Digests;

public sealed class DigestScheduleTests
{
    // March 2025, before either side of the Atlantic changes clocks: New York is UTC-5, Berlin UTC+1, Tokyo UTC+9.
    private static readonly DateTimeOffset MondayNoonUtc = new(2025, 3, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly DigestSchedule _schedule = new(new DigestOptions());

    private static Subscriber Daily(string zone, int hour, DateTimeOffset confirmed, DateTimeOffset? last = null, string? period = null) => new()
    {
        Id = 1,
        Email = "ada@example.org",
        Settings = new SubscriptionSettings(DigestFrequency.Daily, zone, hour, true, false, []),
        Created = confirmed,
        Confirmed = confirmed,
        LinkSalt = "s",
        LastDigestAt = last,
        LastPeriod = period,
    };

    [Fact]
    public void A_daily_digest_is_due_at_the_subscribers_first_hour_after_the_evenings_announcement()
    {
        var ada = Daily("Europe/Berlin", 7, MondayNoonUtc);
        // Monday's papers are in at 21:00 New York = Tuesday 03:00 Berlin; the next 07:00 Berlin is Tuesday 06:00 UTC.
        var before = _schedule.Due(ada, new DateTimeOffset(2025, 3, 4, 5, 59, 0, TimeSpan.Zero));
        var at = _schedule.Due(ada, new DateTimeOffset(2025, 3, 4, 6, 0, 0, TimeSpan.Zero));

        Assert.Null(before);
        Assert.NotNull(at);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 6, 0, 0, TimeSpan.Zero), at.At);
        Assert.Equal("day-2025-03-04", at.Period);
    }

    [Fact]
    public void The_same_announcement_reaches_each_time_zone_at_its_own_hour()
    {
        var now = new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero);

        var tokyo = _schedule.Due(Daily("Asia/Tokyo", 7, MondayNoonUtc), now);
        var losAngeles = _schedule.Due(Daily("America/Los_Angeles", 7, MondayNoonUtc), now);

        // Monday 21:00 New York is Tuesday 02:00 UTC: 11:00 in Tokyo (so Wednesday 07:00 there), 18:00 Monday in Los Angeles.
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 22, 0, 0, TimeSpan.Zero), tokyo!.At);
        Assert.Equal("day-2025-03-05", tokyo.Period);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 15, 0, 0, TimeSpan.Zero), losAngeles!.At);
        Assert.Equal("day-2025-03-04", losAngeles.Period);
    }

    [Fact]
    public void Nothing_is_due_on_weekends_that_have_no_announcement_and_monday_follows_sundays()
    {
        // Friday 07:00 Berlin brought Thursday's papers and was sent.
        var friday = new DateTimeOffset(2025, 3, 7, 6, 0, 0, TimeSpan.Zero);
        var ada = Daily("Europe/Berlin", 7, MondayNoonUtc, friday, "day-2025-03-07");

        var saturday = _schedule.Due(ada, new DateTimeOffset(2025, 3, 8, 9, 0, 0, TimeSpan.Zero));
        var sunday = _schedule.Due(ada, new DateTimeOffset(2025, 3, 9, 9, 0, 0, TimeSpan.Zero));
        var monday = _schedule.Due(ada, new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));

        Assert.Null(saturday);
        Assert.Null(sunday);
        Assert.Equal("day-2025-03-10", monday!.Period);
    }

    [Fact]
    public void A_weekly_digest_is_due_once_on_its_day_and_hour()
    {
        var weekly = Daily("Europe/Berlin", 8, MondayNoonUtc) with
        {
            Settings = new SubscriptionSettings(DigestFrequency.Weekly, "Europe/Berlin", 8, true, false, []),
        };
        var fridayEight = new DateTimeOffset(2025, 3, 7, 7, 0, 0, TimeSpan.Zero);

        var thursday = _schedule.Due(weekly, new DateTimeOffset(2025, 3, 6, 12, 0, 0, TimeSpan.Zero));
        var friday = _schedule.Due(weekly, fridayEight.AddMinutes(5));
        var sentThen = weekly with { LastDigestAt = fridayEight.AddMinutes(5), LastPeriod = friday!.Period };
        var saturday = _schedule.Due(sentThen, new DateTimeOffset(2025, 3, 8, 12, 0, 0, TimeSpan.Zero));
        var nextFriday = _schedule.Due(sentThen, fridayEight.AddDays(7));

        Assert.Null(thursday);
        Assert.Equal(("week-2025-W10", fridayEight), (friday.Period, friday.At));
        Assert.True(friday.Weekly);
        Assert.Null(saturday);
        Assert.Equal("week-2025-W11", nextFriday!.Period);
    }

    [Fact]
    public void A_new_subscriber_waits_for_the_first_slot_after_confirming()
    {
        // Confirmed on Tuesday at 10:00 Berlin, after that morning's 07:00 slot.
        var ada = Daily("Europe/Berlin", 7, new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero));

        Assert.Null(_schedule.Due(ada, new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("day-2025-03-05", _schedule.Due(ada, new DateTimeOffset(2025, 3, 5, 6, 0, 0, TimeSpan.Zero))!.Period);
    }

    [Fact]
    public void The_window_starts_a_few_days_before_the_last_digest_and_never_looks_back_further_than_the_limit()
    {
        var now = new DateTimeOffset(2025, 3, 10, 6, 0, 0, TimeSpan.Zero);

        var afterFriday = _schedule.Window(new DateTimeOffset(2025, 3, 7, 6, 0, 0, TimeSpan.Zero), now, weekly: false);
        var afterMonths = _schedule.Window(new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero), now, weekly: false);

        Assert.Equal((new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 10)), afterFriday);
        Assert.Equal((new DateOnly(2025, 2, 24), new DateOnly(2025, 3, 10)), afterMonths);
    }
}
