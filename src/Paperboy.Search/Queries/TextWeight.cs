using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

internal sealed class TextWeight : Weight
{
    private readonly List<FieldTerms> _parts;
    private readonly double _idf;
    private readonly Bm25F _bm25;
    private readonly double _boost;

    /// <param name="boost">Multiplies the score; 1 for a query's own words, less for feedback words.</param>
    public TextWeight(List<FieldTerms> parts, double idf, Bm25F bm25, double boost = 1)
    {
        _parts = parts;
        _idf = idf;
        _bm25 = bm25;
        _boost = boost;
    }

    /// <summary>The BM25 idf of the word or phrase; term proximity weighs a pair of words by it.</summary>
    public double Idf => _idf;

    public override Scorer CreateScorer(Segment segment) =>
        new TextScorer([.. _parts.Select(p => p.CreateCursor())], [.. _parts.Select(p => p.Field)], _bm25, _boost * _idf);
}
