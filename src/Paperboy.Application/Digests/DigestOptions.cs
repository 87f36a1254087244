namespace Paperboy.Application.Digests;

/// <summary>Email digests: what goes in one, when they go out, and the subscribe rate limits. Bound from "Paperboy:Digests" (docs/DIGESTS.md).</summary>
public sealed class DigestOptions
{
    /// <summary>Whether `paperboy serve` composes digests on schedule.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for subscribers whose hour has come.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Send a digest even when nothing matched ("nothing new this time"); off by default: nothing to send, no email.</summary>
    public bool SendEmpty { get; set; }

    /// <summary>At most this many matching papers in one digest, best first.</summary>
    public int MaxPapers { get; set; } = 30;

    /// <summary>Trending papers added for subscribers who asked for them.</summary>
    public int TrendingPapers { get; set; } = 5;

    /// <summary>
    /// Days before the last digest that a digest still looks at: a paper is listed on its first version's
    /// date, and arXiv announces it one to three days later (weekends). Sent papers are never sent again, so
    /// the overlap costs nothing.
    /// </summary>
    public int WindowSlackDays { get; set; } = 3;

    /// <summary>However long ago the last digest was, a digest looks back at most this many days.</summary>
    public int MaxLookbackDays { get; set; } = 14;

    /// <summary>A saved search contributes at most this many matches per digest run.</summary>
    public int MaxQueryMatches { get; set; } = 200;

    /// <summary>Topics one subscription may hold.</summary>
    public int MaxTopics { get; set; } = 50;

    /// <summary>The day weekly digests go out, at each subscriber's hour.</summary>
    public DayOfWeek WeeklyDay { get; set; } = DayOfWeek.Friday;

    /// <summary>
    /// When a day's papers are in: arXiv announces at 20:00 US Eastern, Sunday to Thursday
    /// (https://info.arxiv.org/help/availability.html), and `serve` syncs at 20:30 (<see cref="Syncing.SyncSchedule"/>);
    /// a daily digest goes out at the subscriber's first hour after this moment.
    /// </summary>
    public List<DayOfWeek> AnnouncementDays { get; set; } = new Syncing.SyncSchedule().Days;

    public TimeOnly PapersReadyAt { get; set; } = new(21, 0);

    public string AnnouncementTimeZone { get; set; } = "America/New_York";

    /// <summary>Defaults of a new subscription that does not say.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    public int DefaultHour { get; set; } = 7;

    /// <summary>Subscribe requests per address and per client (IP) in <see cref="SubscribeRateWindow"/>.</summary>
    public int SubscribeRequestsPerAddress { get; set; } = 3;

    public int SubscribeRequestsPerClient { get; set; } = 20;

    public TimeSpan SubscribeRateWindow { get; set; } = TimeSpan.FromHours(1);

    public void Validate()
    {
        if (PollInterval < TimeSpan.FromSeconds(1) || PollInterval > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException("options: Paperboy:Digests:PollInterval must be from 1 second to 1 hour");
        }
        if (MaxPapers is < 1 or > 500 || TrendingPapers is < 0 or > 100 || MaxQueryMatches is < 1 or > 10_000 || MaxTopics is < 1 or > 1000)
        {
            throw new InvalidOperationException("options: Paperboy:Digests:MaxPapers (1-500), TrendingPapers (0-100), MaxQueryMatches (1-10000) and MaxTopics (1-1000) are out of range");
        }
        if (WindowSlackDays is < 0 or > 14 || MaxLookbackDays is < 1 or > 366)
        {
            throw new InvalidOperationException("options: Paperboy:Digests:WindowSlackDays (0-14) and MaxLookbackDays (1-366) are out of range");
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(AnnouncementTimeZone, out _) || !TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZone, out _))
        {
            throw new InvalidOperationException($"options: Paperboy:Digests time zones '{AnnouncementTimeZone}' and '{DefaultTimeZone}' must be known IANA ids");
        }
        if (DefaultHour is < 0 or > 23)
        {
            throw new InvalidOperationException("options: Paperboy:Digests:DefaultHour must be from 0 to 23");
        }
        if (SubscribeRequestsPerAddress < 1 || SubscribeRequestsPerClient < 1 || SubscribeRateWindow <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("options: Paperboy:Digests subscribe rate limits must be at least 1 per a window longer than 0");
        }
    }
}
