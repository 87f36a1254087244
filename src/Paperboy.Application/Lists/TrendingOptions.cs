namespace Paperboy.Application.Lists;

/// <summary>
/// How trending ranks, bound from "Paperboy:Trending" (docs/WEB.md). The score is
/// (upvotes + 1) / (age in hours + <see cref="AgeOffsetHours"/>)^<see cref="Gravity"/>, the form Hacker
/// News popularised: a higher gravity lets age win sooner over upvotes.
/// </summary>
public sealed class TrendingOptions
{
    /// <summary>The exponent on age; 1.8 is Hacker News's published value.</summary>
    public double Gravity { get; set; } = 1.8;

    /// <summary>Added to the age so a paper listed this hour does not divide by almost nothing.</summary>
    public double AgeOffsetHours { get; set; } = 2;

    /// <summary>The trending list holds papers listed on the last this-many days that have papers.</summary>
    public int WindowDays { get; set; } = 7;

    public void Validate()
    {
        if (!double.IsFinite(Gravity) || Gravity is < 0 or > 10)
        {
            throw new InvalidOperationException($"options: Paperboy:Trending:Gravity must be from 0 to 10, not {Gravity}");
        }
        if (!double.IsFinite(AgeOffsetHours) || AgeOffsetHours is <= 0 or > 1000)
        {
            throw new InvalidOperationException($"options: Paperboy:Trending:AgeOffsetHours must be above 0 and at most 1000, not {AgeOffsetHours}");
        }
        if (WindowDays is < 1 or > 366)
        {
            throw new InvalidOperationException($"options: Paperboy:Trending:WindowDays must be from 1 to 366, not {WindowDays}");
        }
    }
}
