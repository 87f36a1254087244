namespace Paperboy.Search.Indexing;

/// <summary>
/// Fills <see cref="DocValues"/> document by document, interning categories in order of first
/// appearance: the writers and the merger all use it, so a merged segment numbers its categories as a
/// segment written from the same documents does.
/// </summary>
internal sealed class DocValuesBuilder
{
    private int[] _years;
    private int[] _dates;
    private int[] _upvotes;
    private int[][] _categories;
    private int _docCount;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    /// <param name="docCount">The documents to come; a document set past it grows the values (the index writer adds them as they come).</param>
    public DocValuesBuilder(int docCount)
    {
        _years = new int[docCount];
        _dates = new int[docCount];
        _upvotes = new int[docCount];
        _categories = new int[docCount][];
        _docCount = docCount;
    }

    public void Set(int doc, int year, int date, int upvotes, IEnumerable<string> normalizedCategories)
    {
        if (doc >= _years.Length)
        {
            var capacity = Math.Max(doc + 1, _years.Length * 2);
            Array.Resize(ref _years, capacity);
            Array.Resize(ref _dates, capacity);
            Array.Resize(ref _upvotes, capacity);
            Array.Resize(ref _categories, capacity);
        }
        _docCount = Math.Max(_docCount, doc + 1);
        _years[doc] = year;
        _dates[doc] = date;
        _upvotes[doc] = upvotes;
        var ids = new List<int>();
        foreach (var name in normalizedCategories)
        {
            if (!_ids.TryGetValue(name, out var id))
            {
                id = _names.Count;
                _ids.Add(name, id);
                _names.Add(name);
            }
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }
        _categories[doc] = [.. ids];
    }

    /// <summary>The values of a document as given to the index: categories trimmed, lower-cased, blanks dropped.</summary>
    public void Set(int doc, SearchDocument document) => Set(doc, document.Year ?? DocValues.NoYear,
        DocValues.DayNumber(document.Date), document.Upvotes, NormalizedCategories(document.Categories));

    public DocValues Build() => _docCount == _years.Length
        ? new(_years, _dates, _upvotes, _categories, _names)
        : new(_years[.._docCount], _dates[.._docCount], _upvotes[.._docCount], _categories[.._docCount], _names);

    /// <summary>The exact keyword a category is stored and filtered as: trimmed, lower-case.</summary>
    public static string NormalizeCategory(string category) => category.Trim().ToLowerInvariant();

    private static IEnumerable<string> NormalizedCategories(IReadOnlyList<string>? categories)
    {
        foreach (var raw in categories ?? [])
        {
            var name = NormalizeCategory(raw ?? "");
            if (name.Length > 0)
            {
                yield return name;
            }
        }
    }
}
