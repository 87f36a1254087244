namespace Paperboy.Search.Scoring;

/// <summary>
/// The required clauses decide which documents match; the optional (plain) clauses only add
/// score where they also match, as in Lucene's BooleanQuery with MUST and SHOULD clauses.
/// </summary>
internal sealed class ReqOptScorer : Scorer
{
    private readonly Scorer _required;
    private readonly Scorer _optional;

    public ReqOptScorer(Scorer required, Scorer optional)
    {
        _required = required;
        _optional = optional;
    }

    public override int DocId => _required.DocId;

    public override int NextDoc() => _required.NextDoc();

    public override int Advance(int target) => _required.Advance(target);

    public override double Score()
    {
        var doc = _required.DocId;
        var score = _required.Score();
        if (_optional.Advance(doc) == doc)
        {
            score += _optional.Score();
        }
        return score;
    }
}
