namespace Paperboy.Search.Queries;

/// <summary>
/// The recipe of a search, independent of any index. <see cref="CreateWeight"/> computes the
/// statistics (idf) once per search; the weight then makes a scorer per segment.
/// </summary>
internal abstract class Query
{
    /// <summary>Null when the query cannot match anything in this index (a word it never saw).</summary>
    public abstract Weight? CreateWeight(SearchContext context);
}
