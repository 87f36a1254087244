namespace Paperboy.Search.Scoring;

/// <summary>Documents matching every sub-scorer (AND, +term), found by leapfrogging; scores add up.</summary>
internal sealed class ConjunctionScorer : Scorer
{
    private readonly Scorer[] _scorers;
    private int _doc = -1;

    public ConjunctionScorer(Scorer[] scorers)
    {
        _scorers = scorers;
    }

    public override int DocId => _doc;

    public override int NextDoc() => _doc == NoMoreDocs ? _doc : Advance(_doc + 1);

    public override int Advance(int target)
    {
        if (_doc >= target)
        {
            return _doc;
        }
        while (true)
        {
            var agreed = true;
            foreach (var scorer in _scorers)
            {
                var doc = scorer.Advance(target);
                if (doc == NoMoreDocs)
                {
                    return _doc = NoMoreDocs;
                }
                if (doc > target)
                {
                    target = doc;
                    agreed = false;
                    break;
                }
            }
            if (agreed)
            {
                return _doc = target;
            }
        }
    }

    public override double Score()
    {
        var sum = 0.0;
        foreach (var scorer in _scorers)
        {
            sum += scorer.Score();
        }
        return sum;
    }
}
