namespace Paperboy.Search.Indexing;

/// <summary>
/// Per-document values that filters check while iterating: the year and the category ids.
/// Categories are interned to small ids so a filter compares ints, not strings.
/// </summary>
internal sealed class DocValues
{
    public const int NoYear = int.MinValue;

    public DocValues(int[] years, int[][] categories, Dictionary<string, int> categoryIds)
    {
        Years = years;
        Categories = categories;
        CategoryIds = categoryIds;
    }

    public int[] Years { get; }
    public int[][] Categories { get; }
    public Dictionary<string, int> CategoryIds { get; }

    public bool HasCategory(int doc, int categoryId) => Array.IndexOf(Categories[doc], categoryId) >= 0;
}
