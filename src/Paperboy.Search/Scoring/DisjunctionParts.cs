using Paperboy.Search.Queries;

namespace Paperboy.Search.Scoring;

/// <summary>
/// A pure disjunction taken apart for a pruned search: the plain clauses, in the query's order (the
/// order their scores are summed in), and what takes matches away: the excluded clauses as one scorer
/// and the filter. Deletions come with the segment.
/// </summary>
internal sealed record DisjunctionParts(Scorer[] Clauses, Scorer? Exclusion, DocFilter? Filter)
{
    /// <summary>Whether a document a clause matches is a match: not excluded and passing the filter.</summary>
    public bool Accepts(int doc) =>
        (Filter is null || Filter.Matches(doc)) && (Exclusion is null || Exclusion.Advance(doc) != doc);
}
