namespace Paperboy.Application.Lists;

/// <summary>
/// Upvotes with a time decay: score = (upvotes + 1) / (age_hours + offset)^gravity. The age of a paper
/// counts from the start (00:00 UTC) of its list day, so papers of one day keep their order by upvotes
/// and a day's list ranks as Hugging Face's daily papers do; across days, age wins over upvotes at a
/// pace set by gravity. The +1 lets a paper without votes still rank, newest first.
/// </summary>
public static class TrendingScore
{
    public static double Of(int upvotes, double ageHours, TrendingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A list day after "now" (a clock behind the source's) is as fresh as it gets, never fresher.
        double age = Math.Max(0, ageHours);
        return (Math.Max(0, upvotes) + 1) / Math.Pow(age + options.AgeOffsetHours, options.Gravity);
    }

    /// <summary>Hours from the start of the list day (UTC) to <paramref name="now"/>.</summary>
    public static double AgeHours(DateOnly listDay, DateTimeOffset now) =>
        (now - new DateTimeOffset(listDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).TotalHours;
}
