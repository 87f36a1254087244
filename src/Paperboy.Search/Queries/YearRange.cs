namespace Paperboy.Search.Queries;

/// <summary>An inclusive year range; a missing end is open. Documents without a year never match.</summary>
internal readonly record struct YearRange(int? Min, int? Max)
{
    public bool Contains(int year) => (Min is null || year >= Min) && (Max is null || year <= Max);

    /// <summary>Parses "2021", "2020..2024", "2020..", "..2024" (and "2020-2024"); false for anything else.</summary>
    public static bool TryParse(string text, out YearRange range)
    {
        range = default;
        var separator = text.IndexOf("..", StringComparison.Ordinal);
        var separatorLength = 2;
        var dash = text.Length > 1 ? text.IndexOf('-', 1) : -1;
        if (separator < 0 && dash > 0)
        {
            separator = dash;
            separatorLength = 1;
        }
        if (separator < 0)
        {
            if (!TryParseYear(text, out var year))
            {
                return false;
            }
            range = new YearRange(year, year);
            return true;
        }
        var left = text[..separator];
        var right = text[(separator + separatorLength)..];
        int? min = null;
        int? max = null;
        if (left.Length > 0)
        {
            if (!TryParseYear(left, out var year))
            {
                return false;
            }
            min = year;
        }
        if (right.Length > 0)
        {
            if (!TryParseYear(right, out var year))
            {
                return false;
            }
            max = year;
        }
        if (min is null && max is null)
        {
            return false;
        }
        range = min > max ? new YearRange(max, min) : new YearRange(min, max);
        return true;
    }

    private static bool TryParseYear(string text, out int year) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
        && year is >= 1 and <= 9999;

    public override string ToString() => Min == Max ? $"{Min}" : $"{Min}..{Max}";
}
