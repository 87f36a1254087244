using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

/// <summary>
/// Assembles the scorer tree: required clauses as a conjunction (with plain clauses adding score),
/// else plain clauses as a disjunction, else all documents; then exclusions, then filters.
/// </summary>
internal sealed class BooleanWeight : Weight
{
    private readonly List<Weight> _should;
    private readonly List<Weight> _must;
    private readonly List<Weight> _mustNot;
    private readonly FilterSet _filters;
    private readonly SearchContext _context;

    public BooleanWeight(List<Weight> should, List<Weight> must, List<Weight> mustNot, FilterSet filters, SearchContext context)
    {
        _context = context;
        _should = should;
        _must = must;
        _mustNot = mustNot;
        _filters = filters;
    }

    public override Scorer? CreateScorer(int segment)
    {
        var must = Scorers(_must, segment);
        var should = Scorers(_should, segment);
        var mustNot = Scorers(_mustNot, segment);
        if (must.Length < _must.Count)
        {
            return null;
        }

        Scorer scorer;
        if (must.Length > 0)
        {
            scorer = must.Length == 1 ? must[0] : new ConjunctionScorer(must);
            if (should.Length > 0)
            {
                scorer = new ReqOptScorer(scorer, Or(should));
            }
        }
        else if (should.Length > 0)
        {
            scorer = Or(should);
        }
        else if (_should.Count > 0)
        {
            return null; // the query's words occur in other segments, none in this one
        }
        else
        {
            scorer = new AllDocsScorer(_context.Segments.Segments[segment].Segment.DocCount);
        }

        if (mustNot.Length > 0)
        {
            scorer = new ExclusionScorer(scorer, Or(mustNot));
        }
        if (!_filters.IsEmpty)
        {
            scorer = new FilteredScorer(scorer, _filters.Compile(_context.Segments.Segments[segment].Segment));
        }
        return scorer;
    }

    /// <summary>
    /// Plain clauses only (with exclusions and filters, if any): the queries MaxScore can prune, since a
    /// document must match a plain clause and its score is the sum of those it matches.
    /// </summary>
    public bool IsPureDisjunction => _must.Count == 0 && _should.Count > 0;

    /// <summary>
    /// The parts of a pure disjunction in one segment, each a fresh scorer; null when none of its
    /// clauses occurs there. For counting, clauses that only add score (<see cref="Weight.OnlyAddsScore"/>)
    /// are left out: their matches are matches of other clauses.
    /// </summary>
    public DisjunctionParts? CreateDisjunction(int segment, bool forCounting)
    {
        var clauses = Scorers(forCounting ? [.. _should.Where(w => !w.OnlyAddsScore)] : _should, segment);
        if (clauses.Length == 0)
        {
            return null;
        }
        var mustNot = Scorers(_mustNot, segment);
        return new DisjunctionParts(
            clauses,
            mustNot.Length > 0 ? Or(mustNot) : null,
            _filters.IsEmpty ? null : _filters.Compile(_context.Segments.Segments[segment].Segment));
    }

    private static Scorer Or(Scorer[] scorers) => scorers.Length == 1 ? scorers[0] : new DisjunctionScorer(scorers);

    private static Scorer[] Scorers(List<Weight> weights, int segment) =>
        [.. weights.Select(w => w.CreateScorer(segment)).OfType<Scorer>()];
}
