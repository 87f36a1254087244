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

    public bool Matches(int doc)
    {
        if (_requireCategory && !_categories.Any(c => _values.HasCategory(doc, c)))
        {
            return false;
        }
        if (_excludedCategories.Any(c => _values.HasCategory(doc, c)))
        {
            return false;
        }
        var year = _values.Years[doc];
        if (_years.Length > 0 && (year == DocValues.NoYear || !_years.Any(r => r.Contains(year))))
        {
            return false;
        }
        if (year != DocValues.NoYear && _excludedYears.Any(r => r.Contains(year)))
        {
            return false;
        }
        var day = _values.Dates[doc];
        if (_dates.Length > 0 && (day == DocValues.NoDate || !_dates.Any(r => r.Contains(day))))
        {
            return false;
        }
        return day == DocValues.NoDate || !_excludedDates.Any(r => r.Contains(day));
    }
}
