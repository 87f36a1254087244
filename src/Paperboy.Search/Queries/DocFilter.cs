using Paperboy.Search.Indexing;

namespace Paperboy.Search.Queries;

/// <summary>
/// A <see cref="FilterSet"/> bound to one segment: one bit per document, set when the document
/// passes. The bits are computed once per segment and filter (<see cref="FilterBitsCache"/>), so a
/// filtered search pays one bit test per candidate, and counting ANDs whole words of matches with
/// them. <see cref="Evaluate"/> is the plain per-document check the bits are computed from and tested
/// against.
/// </summary>
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
    private ulong[] _bits = [];

    public DocFilter(DocValues values, bool requireCategory, int[] categories, int[] excludedCategories,
        YearRange[] years, YearRange[] excludedYears, DateRange[] dates, DateRange[] excludedDates)
    {
        _values = values;
        _requireCategory = requireCategory;
        _categories = categories;
        _excludedCategories = excludedCategories;
        _years = years;
        _excludedYears = excludedYears;
        _dates = dates;
        _excludedDates = excludedDates;
    }

    /// <summary>One bit per document of the segment (bit d of word d / 64), set when it passes.</summary>
    public ulong[] Bits => _bits;

    public bool Matches(int doc) => (_bits[doc >> 6] & (1UL << doc)) != 0;

    /// <summary>Takes its bits from the segment's cache, computing them on the first use of this filter there.</summary>
    public DocFilter WithBits(FilterBitsCache cache, string key)
    {
        _bits = cache.GetOrAdd(key, ComputeBits);
        return this;
    }

    /// <summary>
    /// The bits: the wanted categories' documents from their lists (or every document when no category
    /// is wanted), less the excluded categories' documents, then the year and date ranges checked on
    /// the documents still in.
    /// </summary>
    internal ulong[] ComputeBits()
    {
        var count = _values.DocCount;
        var bits = new ulong[(count + 63) >> 6];
        var byCategory = _values.DocsByCategory;
        if (_requireCategory)
        {
            foreach (var category in _categories)
            {
                foreach (var doc in byCategory[category])
                {
                    bits[doc >> 6] |= 1UL << doc;
                }
            }
        }
        else
        {
            Array.Fill(bits, ulong.MaxValue);
            if ((count & 63) != 0)
            {
                bits[^1] = (1UL << count) - 1; // no bits past the last document
            }
        }
        foreach (var category in _excludedCategories)
        {
            foreach (var doc in byCategory[category])
            {
                bits[doc >> 6] &= ~(1UL << doc);
            }
        }
        if (_years.Length + _excludedYears.Length + _dates.Length + _excludedDates.Length > 0)
        {
            for (var doc = 0; doc < count; doc++)
            {
                if ((bits[doc >> 6] & (1UL << doc)) != 0 && !InRanges(doc))
                {
                    bits[doc >> 6] &= ~(1UL << doc);
                }
            }
        }
        return bits;
    }

    /// <summary>The filter checked on one document from its values: the reference for the bits.</summary>
    internal bool Evaluate(int doc)
    {
        var categories = _values.Categories[doc];
        if (_requireCategory && !HoldsAny(categories, _categories))
        {
            return false;
        }
        return !HoldsAny(categories, _excludedCategories) && InRanges(doc);
    }

    private bool InRanges(int doc)
    {
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
