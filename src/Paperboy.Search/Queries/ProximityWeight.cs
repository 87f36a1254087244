using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

internal sealed class ProximityWeight : Weight
{
    private readonly List<(Field Field, Postings First, Postings Second)> _parts;
    private readonly double _boost;
    private readonly Bm25F _bm25;
    private readonly int _window;

    public ProximityWeight(List<(Field Field, Postings First, Postings Second)> parts, double boost, SearchContext context)
    {
        _parts = parts;
        _boost = boost;
        _bm25 = context.Bm25;
        _window = context.Settings.ProximityWindow;
    }

    public override Scorer CreateScorer(Segment segment) => new ProximityScorer(
        [.. _parts.Select(p => new PairCursor(new PostingsCursor(p.First), new PostingsCursor(p.Second)))],
        [.. _parts.Select(p => p.Field)],
        _bm25,
        _boost,
        _window);
}
