using System.Globalization;

namespace Paperboy.Search.Queries;

/// <summary>
/// An inclusive range of publication dates as day numbers (<see cref="DateOnly.DayNumber"/>); a
/// missing end is open. Documents without a date never match.
/// </summary>
internal readonly record struct DateRange(int? Min, int? Max)
{
    public bool Contains(int day) => (Min is null || day >= Min) && (Max is null || day <= Max);

    /// <summary>
    /// Parses "2024-03-15", "2024-03" (the month), "2024" (the year), and ranges of those with "..":
    /// "2024-01-01..2024-03-31", "2024-03..", "..2023-06". A range starts at the first day of its left
    /// end and stops at the last day of its right end. False for anything else.
    /// </summary>
    public static bool TryParse(string text, out DateRange range)
    {
        range = default;
        var separator = text.IndexOf("..", StringComparison.Ordinal);
        if (separator < 0)
        {
            if (!TryParsePeriod(text, out var first, out var last))
            {
                return false;
            }
            range = new DateRange(first, last);
            return true;
        }
        var left = text[..separator];
        var right = text[(separator + 2)..];
        if (!TryParseEnd(left, out var leftFirst, out var leftLast) || !TryParseEnd(right, out var rightFirst, out var rightLast)
            || (left.Length == 0 && right.Length == 0))
        {
            return false;
        }
        // Written backwards ("2024-03..2024-01"), the range still covers both periods whole.
        range = left.Length > 0 && right.Length > 0 && leftFirst > rightLast
            ? new DateRange(rightFirst, leftLast)
            : new DateRange(left.Length > 0 ? leftFirst : null, right.Length > 0 ? rightLast : null);
        return true;
    }

    // An open end is allowed (and yields zeros the caller ignores).
    private static bool TryParseEnd(string text, out int first, out int last)
    {
        first = last = 0;
        return text.Length == 0 || TryParsePeriod(text, out first, out last);
    }

    // A day, a month or a year, as its first and last day.
    private static bool TryParsePeriod(string text, out int first, out int last)
    {
        first = last = 0;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            first = last = day.DayNumber;
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            first = month.DayNumber;
            last = month.AddMonths(1).AddDays(-1).DayNumber;
            return true;
        }
        if (text.Length == 4 && DateOnly.TryParseExact(text, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var year))
        {
            first = year.DayNumber;
            last = new DateOnly(year.Year, 12, 31).DayNumber;
            return true;
        }
        return false;
    }

    public override string ToString() => Min == Max
        ? Format(Min)
        : $"{Format(Min)}..{Format(Max)}";

    private static string Format(int? day) => day is { } d ? DateOnly.FromDayNumber(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
}
