using Paperboy.Search.Indexing;

namespace Paperboy.Search.Queries;

/// <summary>A <see cref="FilterSet"/> bound to one segment's per-document values.</summary>
internal sealed class DocFilter
{
    private readonly DocValues _values;
    private readonly bool _requireCategory;
    private readonly int[] _categories;
    private readonly int[] _excludedCategories;
    private readonly YearRange[] _years;
    private readonly YearRange[] _excludedYears;
    private readonly DateRange[] _dates;
    private readonly DateRange[] _excludedDates;

    public DocFilter(DocValues values, bool requireCategory, int[] categories, int[] excludedCategories,
        YearRange[] years, YearRange[] excludedYears, DateRange[] dates, DateRange[] excludedDates)
    {
        _dates = dates;
        _excludedDates = excludedDates;
        _values = values;
        _requireCategory = requireCategory;
        _categories = categories;
        _excludedCategories = excludedCategories;
        _years = years;
        _excludedYears = excludedYears;
    }

    // Called once per candidate document: plain loops, because a lambda capturing the document
    // allocated a closure per call, which made a filtered query several times its unfiltered cost.
    public bool Matches(int doc)
    {
        var categories = _values.Categories[doc];
        if (_requireCategory && !HoldsAny(categories, _categories))
        {
            return false;
        }
        if (HoldsAny(categories, _excludedCategories))
        {
            return false;
        }
        var year = _values.Years[doc];
        if (_years.Length > 0 && (year == DocValues.NoYear || !InAnyYear(_years, year)))
        {
            return false;
        }
        if (year != DocValues.NoYear && InAnyYear(_excludedYears, year))
        {
            return false;
        }
        var day = _values.Dates[doc];
        if (_dates.Length > 0 && (day == DocValues.NoDate || !InAnyDate(_dates, day)))
        {
            return false;
        }
        return day == DocValues.NoDate || !InAnyDate(_excludedDates, day);
    }

    private static bool HoldsAny(int[] held, int[] wanted)
    {
        foreach (var category in wanted)
        {
            if (Array.IndexOf(held, category) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    private static bool InAnyYear(YearRange[] ranges, int year)
    {
        foreach (var range in ranges)
        {
            if (range.Contains(year))
            {
                return true;
            }
        }
        return false;
    }

    private static bool InAnyDate(DateRange[] ranges, int day)
    {
        foreach (var range in ranges)
        {
            if (range.Contains(day))
            {
                return true;
            }
        }
        return false;
    }
}
