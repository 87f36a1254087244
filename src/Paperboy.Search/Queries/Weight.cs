using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

/// <summary>
/// A query with its statistics computed over the whole snapshot; makes a fresh scorer (cursor)
/// per segment, over that segment's local doc ids. <paramref name="segment"/> is the segment's
/// position in <see cref="SearchContext.Segments"/>.
/// </summary>
internal abstract class Weight
{
    public abstract Scorer? CreateScorer(int segment);

    /// <summary>
    /// True when every document this weight matches is matched by another clause of any query it is
    /// part of, so a count of matches may leave it out (the counting pass of a pruned search).
    /// </summary>
    public virtual bool OnlyAddsScore => false;
}
