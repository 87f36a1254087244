using Paperboy.Search.Indexing;

namespace Paperboy.Search.Queries;

/// <summary>
/// The filters of a query. Several <c>cat:</c> filters mean any of those categories, several
/// <c>year:</c> filters any of those ranges (someone listing cs.CL and cs.LG wants papers in
/// either), several <c>date:</c> filters any of those ranges; filters of different kinds must all
/// hold; an excluded one must not.
/// </summary>
internal sealed class FilterSet
{
    private string? _key;

    public List<string> Categories { get; } = [];
    public List<string> ExcludedCategories { get; } = [];
    public List<YearRange> Years { get; } = [];
    public List<YearRange> ExcludedYears { get; } = [];
    public List<DateRange> Dates { get; } = [];
    public List<DateRange> ExcludedDates { get; } = [];

    public bool IsEmpty => Categories.Count + ExcludedCategories.Count + Years.Count + ExcludedYears.Count
        + Dates.Count + ExcludedDates.Count == 0;

    public bool HasInclusions => Categories.Count + Years.Count + Dates.Count > 0;

    /// <summary>
    /// The same text for filters that pass the same documents whatever order they were written in:
    /// the key of their bits in a segment's <see cref="FilterBitsCache"/>. Made once, on the first
    /// segment a search binds the filters to (the parser has filled the lists by then).
    /// </summary>
    public string Key => _key ??= string.Join(' ',
        Part("cat", Categories), Part("-cat", ExcludedCategories),
        Part("year", Years.Select(y => y.ToString())), Part("-year", ExcludedYears.Select(y => y.ToString())),
        Part("date", Dates.Select(d => d.ToString())), Part("-date", ExcludedDates.Select(d => d.ToString())));

    /// <summary>The filter bound to a segment, its bits from the segment's cache.</summary>
    public DocFilter Compile(Segment segment) => Bind(segment).WithBits(segment.FilterBits, Key);

    /// <summary>The filter bound to a segment's values, its categories resolved to the segment's ids; no bits yet.</summary>
    internal DocFilter Bind(Segment segment)
    {
        var ids = segment.Values.CategoryIds;
        var include = Categories.Select(c => ids.GetValueOrDefault(c, -1)).Where(id => id >= 0).ToArray();
        var exclude = ExcludedCategories.Select(c => ids.GetValueOrDefault(c, -1)).Where(id => id >= 0).ToArray();
        return new DocFilter(segment.Values, Categories.Count > 0, include, exclude, [.. Years], [.. ExcludedYears], [.. Dates], [.. ExcludedDates]);
    }

    private static string Part(string name, IEnumerable<string> values) =>
        name + ":" + string.Join(',', values.Order(StringComparer.Ordinal));
}
