namespace Paperboy.Search.Scoring;

/// <summary>Every document, score 0: the base of filter-only queries such as <c>cat:cs.CL</c>.</summary>
internal sealed class AllDocsScorer : Scorer
{
    private readonly int _docCount;
    private int _doc = -1;

    public AllDocsScorer(int docCount)
    {
        _docCount = docCount;
    }

    public override int DocId => _doc;

    public override int NextDoc() => Advance(_doc + 1);

    public override int Advance(int target)
    {
        if (_doc >= target)
        {
            return _doc;
        }
        return _doc = target < _docCount ? target : NoMoreDocs;
    }

    public override double Score() => 0;
}
