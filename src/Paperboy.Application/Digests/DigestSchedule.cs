using System.Globalization;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Application.Digests;

/// <summary>
/// One digest to compose: when it was due, the period it stands for (its dedupe key:
/// <c>day-2025-03-04</c>, <c>week-2025-W10</c>, or <c>now-...</c> for `digest send --now`), and the list
/// days whose papers it looks at.
/// </summary>
public sealed record DigestSlot(DateTimeOffset At, string Period, DateOnly From, DateOnly To, bool Weekly);

/// <summary>
/// When each subscriber's digest is due, in the subscriber's own time zone and hour. Daily: at the first
/// such hour after a day's papers are in (arXiv announces Sunday to Thursday at 20:00 US Eastern, so
/// nothing is due after Friday and Saturday, which have no announcement). Weekly: on
/// <see cref="DigestOptions.WeeklyDay"/> at that hour. A slot is due once: when it is later than the last
/// digest (or the confirmation, for the first) and its period is not the last one sent.
/// </summary>
public sealed class DigestSchedule(DigestOptions options)
{
    /// <summary>The slot due for this subscriber at <paramref name="now"/>, or null when none is.</summary>
    public DigestSlot? Due(Subscriber subscriber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var zone = Zone(subscriber.Settings.TimeZone);
        var since = subscriber.LastDigestAt ?? subscriber.Confirmed ?? now;
        bool weekly = subscriber.Settings.Frequency == DigestFrequency.Weekly;
        var slot = weekly ? LatestWeeklySlot(now, zone, subscriber.Settings.Hour) : LatestDailySlot(now, zone, subscriber.Settings.Hour);
        if (slot is not { } at || at <= since)
        {
            return null;
        }
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        string period = weekly
            ? string.Create(CultureInfo.InvariantCulture, $"week-{ISOWeek.GetYear(localDay.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(localDay.ToDateTime(TimeOnly.MinValue)):00}")
            : "day-" + localDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (period == subscriber.LastPeriod)
        {
            return null;
        }
        var (from, to) = Window(since, now, weekly);
        return new DigestSlot(at, period, from, to, weekly);
    }

    /// <summary>A slot for right now whatever the schedule says (`digest send --now`, `digest preview`).</summary>
    public DigestSlot Immediate(Subscriber subscriber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        bool weekly = subscriber.Settings.Frequency == DigestFrequency.Weekly;
        var (from, to) = Window(subscriber.LastDigestAt ?? subscriber.Confirmed ?? now, now, weekly);
        return new DigestSlot(now, "now-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), from, to, weekly);
    }

    /// <summary>
    /// The list days a digest reads: from a few days (<see cref="DigestOptions.WindowSlackDays"/>) before the
    /// last digest, or before one period ago for the first, to today; never more than
    /// <see cref="DigestOptions.MaxLookbackDays"/>.
    /// </summary>
    public (DateOnly From, DateOnly To) Window(DateTimeOffset since, DateTimeOffset now, bool weekly)
    {
        var to = DateOnly.FromDateTime(now.UtcDateTime);
        var sinceDay = DateOnly.FromDateTime(since.UtcDateTime);
        var periodStart = to.AddDays(weekly ? -7 : -1);
        var from = (sinceDay < periodStart ? sinceDay : periodStart).AddDays(-options.WindowSlackDays);
        var earliest = to.AddDays(-options.MaxLookbackDays);
        return (from < earliest ? earliest : from, to);
    }

    /// <summary>The latest daily slot at or before <paramref name="now"/>: the first local hour after a day's papers were in.</summary>
    public DateTimeOffset? LatestDailySlot(DateTimeOffset now, TimeZoneInfo zone, int hour)
    {
        foreach (var ready in ReadyMomentsBefore(now))
        {
            var slot = FirstLocalHourAtOrAfter(ready, zone, hour);
            if (slot <= now)
            {
                return slot;
            }
        }
        return null;
    }

    public DateTimeOffset? LatestWeeklySlot(DateTimeOffset now, TimeZoneInfo zone, int hour)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (int back = 0; back <= 7; back++)
        {
            var day = today.AddDays(-back);
            if (day.DayOfWeek == options.WeeklyDay && At(day, hour, zone) is var slot && slot <= now)
            {
                return slot;
            }
        }
        return null;
    }

    /// <summary>The moments a day's papers were in, newest first, over the last eight days.</summary>
    public IEnumerable<DateTimeOffset> ReadyMomentsBefore(DateTimeOffset now)
    {
        var zone = Zone(options.AnnouncementTimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (int back = 0; back <= 8; back++)
        {
            var day = today.AddDays(-back);
            if (!options.AnnouncementDays.Contains(day.DayOfWeek))
            {
                continue;
            }
            var wall = day.ToDateTime(options.PapersReadyAt);
            var moment = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            if (moment <= now)
            {
                yield return moment;
            }
        }
    }

    private static DateTimeOffset FirstLocalHourAtOrAfter(DateTimeOffset moment, TimeZoneInfo zone, int hour)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime);
        for (int ahead = 0; ; ahead++)
        {
            var slot = At(day.AddDays(ahead), hour, zone);
            if (slot >= moment)
            {
                return slot;
            }
        }
    }

    // An hour skipped by a daylight-saving change (02:00 on a spring morning) is taken as the hour after.
    private static DateTimeOffset At(DateOnly day, int hour, TimeZoneInfo zone)
    {
        var wall = day.ToDateTime(new TimeOnly(hour, 0));
        if (zone.IsInvalidTime(wall))
        {
            wall = wall.AddHours(1);
        }
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    /// <summary>A subscriber's zone; a zone this machine no longer knows falls back to UTC rather than stopping every digest.</summary>
    public static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
