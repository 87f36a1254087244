using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

internal sealed class ProximityWeight : Weight
{
    private readonly List<(Field Field, Postings First, Postings Second)>[] _partsBySegment;
    private readonly double _boost;
    private readonly SearchContext _context;

    public ProximityWeight(List<(Field Field, Postings First, Postings Second)>[] partsBySegment, double boost, SearchContext context)
    {
        _partsBySegment = partsBySegment;
        _boost = boost;
        _context = context;
    }

    /// <summary>
    /// A pair matches documents holding both words in the title or abstract, and is only ever added
    /// beside both words' own clauses, which search those fields (<see cref="ProximityQuery.AdjacentPairs"/>).
    /// </summary>
    public override bool OnlyAddsScore => true;

    public override Scorer? CreateScorer(int segment)
    {
        var parts = _partsBySegment[segment];
        return parts.Count == 0
            ? null
            : new ProximityScorer(
                [.. parts.Select(p => new PairCursor(new PostingsCursor(p.First), new PostingsCursor(p.Second)))],
                [.. parts.Select(p => p.Field)],
                _context.Bm25(segment),
                _boost,
                _context.Settings.ProximityWindow);
    }
}
