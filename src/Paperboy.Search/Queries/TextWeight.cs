using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

internal sealed class TextWeight : Weight
{
    private readonly List<FieldTerms>[] _partsBySegment;
    private readonly double _idf;
    private readonly SearchContext _context;
    private readonly double _boost;

    /// <param name="boost">Multiplies the score; 1 for a query's own words, less for feedback words.</param>
    public TextWeight(List<FieldTerms>[] partsBySegment, double idf, SearchContext context, double boost = 1)
    {
        _partsBySegment = partsBySegment;
        _idf = idf;
        _context = context;
        _boost = boost;
    }

    /// <summary>The BM25 idf of the word or phrase; term proximity weighs a pair of words by it.</summary>
    public double Idf => _idf;

    public override Scorer? CreateScorer(int segment)
    {
        var parts = _partsBySegment[segment];
        return parts.Count == 0
            ? null
            : new TextScorer([.. parts.Select(p => p.CreateCursor())], [.. parts.Select(p => p.Field)], _context.Bm25(segment), _boost * _idf);
    }
}
