namespace Paperboy.Search.Indexing;

/// <summary>
/// Per-document values that filters and sorts read while iterating: the year, the date (as a day
/// number), the upvotes and the category ids. Categories are interned to small ids, numbered in order
/// of first appearance, so a filter compares ints, not strings.
/// </summary>
internal sealed class DocValues
{
    public const int NoYear = int.MinValue;
    public const int NoDate = int.MinValue;

    public DocValues(int[] years, int[] dates, int[] upvotes, int[][] categories, IReadOnlyList<string> categoryNames)
    {
        Years = years;
        Dates = dates;
        Upvotes = upvotes;
        Categories = categories;
        CategoryNames = categoryNames;
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

    /// <summary>The normalised category name of each id.</summary>
    public IReadOnlyList<string> CategoryNames { get; }

    public Dictionary<string, int> CategoryIds { get; }

    public int DocCount => Years.Length;

    /// <summary>The document's date, for sorting newest first.</summary>
    public DateOnly? Date(int doc) => Dates[doc] == NoDate ? null : DateOnly.FromDayNumber(Dates[doc]);

    public bool HasCategory(int doc, int categoryId) => Array.IndexOf(Categories[doc], categoryId) >= 0;

    public static int DayNumber(DateOnly? date) => date?.DayNumber ?? NoDate;
}
