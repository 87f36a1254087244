using System.Globalization;

namespace Paperboy.Application.Lists;

/// <summary>
/// The period of a dated list: one day (<c>2024-03-05</c>), one ISO 8601 week (<c>2024-W10</c>,
/// Monday to Sunday, numbered as ISO 8601 numbers them, so the first days of January may belong to
/// the previous year's last week) or one calendar month (<c>2024-03</c>). Days are UTC dates.
/// </summary>
public readonly record struct ListPeriod
{
    private ListPeriod(ListKind kind, DateOnly first)
    {
        Kind = kind;
        First = first;
    }

    public ListKind Kind { get; }

    public DateOnly First { get; }

    public DateOnly Last => Kind switch
    {
        ListKind.Weekly => First.AddDays(6),
        ListKind.Monthly => First.AddMonths(1).AddDays(-1),
        _ => First,
    };

    /// <summary>The period of this kind that holds the day.</summary>
    public static ListPeriod Containing(ListKind kind, DateOnly day) => kind switch
    {
        // DayOfWeek counts from Sunday; ISO weeks start on Monday.
        ListKind.Weekly => new ListPeriod(kind, day.AddDays(-(((int)day.DayOfWeek + 6) % 7))),
        ListKind.Monthly => new ListPeriod(kind, new DateOnly(day.Year, day.Month, 1)),
        _ => new ListPeriod(kind, day),
    };

    public ListPeriod Previous => Containing(Kind, First.AddDays(-1));

    public ListPeriod Next => Containing(Kind, Last.AddDays(1));

    public bool Contains(DateOnly day) => day >= First && day <= Last;

    /// <summary>The period as it appears in URLs: <c>2024-03-05</c>, <c>2024-W10</c>, <c>2024-03</c>.</summary>
    public string Slug => Kind switch
    {
        ListKind.Weekly => string.Create(CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(First.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(First.ToDateTime(TimeOnly.MinValue)):D2}"),
        ListKind.Monthly => First.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The period for people: "5 March 2024", "Week 10, 2024 (4–10 March)", "March 2024".</summary>
    public string Title => Kind switch
    {
        ListKind.Weekly => string.Create(CultureInfo.InvariantCulture,
            $"Week {ISOWeek.GetWeekOfYear(First.ToDateTime(TimeOnly.MinValue))}, {ISOWeek.GetYear(First.ToDateTime(TimeOnly.MinValue))} ({Span(First, Last)})"),
        ListKind.Monthly => First.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => First.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>Reads a slug of the given kind; false for anything else, including dates that do not exist (2024-02-30, 2023-W53).</summary>
    public static bool TryParse(ListKind kind, string? text, out ListPeriod period)
    {
        period = default;
        text = (text ?? "").Trim();
        switch (kind)
        {
            case ListKind.Daily when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                period = Containing(kind, day);
                return true;
            case ListKind.Monthly when DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first):
                period = Containing(kind, first);
                return true;
            case ListKind.Weekly:
                var parts = text.Split("-W", StringSplitOptions.None);
                if (parts.Length == 2 && parts[0].Length == 4 && parts[1].Length == 2
                    && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1 and <= 9998
                    && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var week)
                    && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
                {
                    period = Containing(kind, DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    public override string ToString() => $"{ListKindNames.Name(Kind)} {Slug}";

    private static string Span(DateOnly first, DateOnly last) =>
        first.Month == last.Month
            ? string.Create(CultureInfo.InvariantCulture, $"{first.Day}–{last:d MMMM}")
            : string.Create(CultureInfo.InvariantCulture, $"{first:d MMMM}–{last:d MMMM}");
}
