namespace Paperboy.Application.Syncing;

/// <summary>
/// When `paperboy serve` syncs by itself, bound from "Paperboy:Sync". By default: shortly after arXiv's
/// announcements, which go out at 20:00 US Eastern time Sunday to Thursday
/// (https://info.arxiv.org/help/availability.html), so 20:30 on those evenings.
/// </summary>
public sealed class SyncSchedule
{
    public bool Enabled { get; set; } = true;

    public List<string> Sources { get; set; } = ["arxiv-rss", "hf-daily"];

    public List<string> Categories { get; set; } = ["cs.LG", "cs.CL", "cs.CV", "cs.AI"];

    public List<DayOfWeek> Days { get; set; } =
        [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];

    /// <summary>Local time of day in <see cref="TimeZone"/>.</summary>
    public TimeOnly At { get; set; } = new(20, 30);

    /// <summary>An IANA time zone id.</summary>
    public string TimeZone { get; set; } = "America/New_York";

    /// <summary>The first scheduled moment strictly after <paramref name="after"/>, or null when no day is scheduled.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        if (Days.Count == 0)
        {
            return null;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(after, zone);
        for (int offset = 0; offset <= 7; offset++)
        {
            var day = DateOnly.FromDateTime(local.DateTime).AddDays(offset);
            if (!Days.Contains(day.DayOfWeek))
            {
                continue;
            }
            var wall = day.ToDateTime(At);
            var candidate = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            if (candidate > after)
            {
                return candidate;
            }
        }
        return null;
    }

    public void Validate()
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new InvalidOperationException($"options: Paperboy:Sync:TimeZone '{TimeZone}' is not a known time zone", e);
        }
    }
}
