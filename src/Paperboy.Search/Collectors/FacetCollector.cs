using Paperboy.Search.Indexing;

namespace Paperboy.Search.Collectors;

/// <summary>
/// Counts the categories and years of every match. Per segment it counts by the segment's own
/// category ids (an array increment per category, no string hashing per match), and names the
/// counts when the segment is done.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _years = [];
    private SegmentView? _view;
    private int[] _segmentCategories = [];

    public void SetSegment(SegmentView view)
    {
        Flush();
        _view = view;
        _segmentCategories = new int[view.Segment.Values.CategoryIds.Count];
    }

    public void Collect(int doc, double score)
    {
        var values = _view!.Segment.Values;
        var local = doc - _view.DocBase;
        foreach (var category in values.Categories[local])
        {
            _segmentCategories[category]++;
        }
        var year = values.Years[local];
        if (year != DocValues.NoYear)
        {
            _years[year] = _years.GetValueOrDefault(year) + 1;
        }
    }

    public FacetCounts Counts(int maxCategories)
    {
        Flush();
        var categories = _categories.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(maxCategories).Select(c => new FacetValue(c.Key, c.Value)).ToList();
        var years = _years.OrderByDescending(y => y.Key)
            .Select(y => new FacetValue(y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Value)).ToList();
        return new FacetCounts(categories, years);
    }

    private void Flush()
    {
        if (_view is null)
        {
            return;
        }
        foreach (var (name, id) in _view.Segment.Values.CategoryIds)
        {
            if (_segmentCategories[id] > 0)
            {
                _categories[name] = _categories.GetValueOrDefault(name) + _segmentCategories[id];
            }
        }
        _view = null;
    }
}
