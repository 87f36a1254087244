namespace Paperboy.Search.Scoring;

/// <summary>Another scorer's matches with its scores times a constant (Lucene's BoostQuery).</summary>
internal sealed class ScaledScorer : Scorer
{
    private readonly Scorer _inner;
    private readonly double _factor;

    public ScaledScorer(Scorer inner, double factor)
    {
        _inner = inner;
        _factor = factor;
    }

    public override int DocId => _inner.DocId;

    public override int NextDoc() => _inner.NextDoc();

    public override int Advance(int target) => _inner.Advance(target);

    public override double Score() => _factor * _inner.Score();
}
