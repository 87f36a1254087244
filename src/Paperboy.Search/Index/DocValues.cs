namespace Paperboy.Search.Indexing;

/// <summary>
/// Per-document values that filters and sorts read while iterating: the year, the date (as a day
/// number), the upvotes and the category ids. Categories are interned to small ids, numbered in order
/// of first appearance, so a filter compares ints, not strings.
/// </summary>
internal sealed class DocValues
{
    private readonly Lazy<int[][]> _docsByCategory;

    public const int NoYear = int.MinValue;
    public const int NoDate = int.MinValue;

    public DocValues(int[] years, int[] dates, int[] upvotes, int[][] categories, IReadOnlyList<string> categoryNames)
    {
        Years = years;
        Dates = dates;
        Upvotes = upvotes;
        Categories = categories;
        CategoryNames = categoryNames;
        _docsByCategory = new Lazy<int[][]>(InvertCategories);
        CategoryIds = new Dictionary<string, int>(categoryNames.Count, StringComparer.Ordinal);
        for (var id = 0; id < categoryNames.Count; id++)
        {
            CategoryIds.Add(categoryNames[id], id);
        }
    }

    public int[] Years { get; }

    /// <summary><see cref="DateOnly.DayNumber"/> of each document's date, or <see cref="NoDate"/>.</summary>
    public int[] Dates { get; }

    public int[] Upvotes { get; }
    public int[][] Categories { get; }

    /// <summary>
    /// Each category's documents in increasing order, by category id: built on first use (a filtered
    /// search's first), in one pass over <see cref="Categories"/>.
    /// </summary>
    public int[][] DocsByCategory => _docsByCategory.Value;

    /// <summary>The normalised category name of each id.</summary>
    public IReadOnlyList<string> CategoryNames { get; }

    public Dictionary<string, int> CategoryIds { get; }

    public int DocCount => Years.Length;

    /// <summary>The document's date, for sorting newest first.</summary>
    public DateOnly? Date(int doc) => Dates[doc] == NoDate ? null : DateOnly.FromDayNumber(Dates[doc]);

    public bool HasCategory(int doc, int categoryId) => Array.IndexOf(Categories[doc], categoryId) >= 0;

    private int[][] InvertCategories()
    {
        var counts = new int[CategoryNames.Count];
        foreach (var held in Categories)
        {
            foreach (var category in held)
            {
                counts[category]++;
            }
        }
        var docs = counts.Select(n => new int[n]).ToArray();
        Array.Clear(counts);
        for (var doc = 0; doc < Categories.Length; doc++)
        {
            foreach (var category in Categories[doc])
            {
                docs[category][counts[category]++] = doc;
            }
        }
        return docs;
    }

    public static int DayNumber(DateOnly? date) => date?.DayNumber ?? NoDate;
}
