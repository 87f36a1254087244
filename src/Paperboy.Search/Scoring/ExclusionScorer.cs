namespace Paperboy.Search.Scoring;

/// <summary>Documents of <c>include</c> that <c>exclude</c> does not match (-term, -"phrase").</summary>
internal sealed class ExclusionScorer : Scorer
{
    private readonly Scorer _include;
    private readonly Scorer _exclude;

    public ExclusionScorer(Scorer include, Scorer exclude)
    {
        _include = include;
        _exclude = exclude;
    }

    public override int DocId => _include.DocId;

    public override int NextDoc() => Skip(_include.NextDoc());

    public override int Advance(int target) => Skip(_include.Advance(target));

    public override double Score() => _include.Score();

    private int Skip(int doc)
    {
        while (doc != NoMoreDocs && _exclude.Advance(doc) == doc)
        {
            doc = _include.NextDoc();
        }
        return doc;
    }
}
