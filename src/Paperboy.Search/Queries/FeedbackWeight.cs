using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

/// <summary>The original query scaled by lambda decides the matches; feedback words only add score.</summary>
internal sealed class FeedbackWeight : Weight
{
    private readonly Weight _original;
    private readonly double _originalWeight;
    private readonly List<Weight> _expansion;

    public FeedbackWeight(Weight original, double originalWeight, List<Weight> expansion)
    {
        _original = original;
        _originalWeight = originalWeight;
        _expansion = expansion;
    }

    public override Scorer? CreateScorer(int segment)
    {
        if (_original.CreateScorer(segment) is not { } required)
        {
            return null;
        }
        var scaled = new ScaledScorer(required, _originalWeight);
        Scorer[] optional = [.. _expansion.Select(w => w.CreateScorer(segment)).OfType<Scorer>()];
        return optional.Length switch
        {
            0 => scaled,
            1 => new ReqOptScorer(scaled, optional[0]),
            _ => new ReqOptScorer(scaled, new DisjunctionScorer(optional)),
        };
    }
}
