using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

/// <summary>
/// The second pass of RM3 (Abdul-Jaleel et al., "UMass at TREC 2004"): the query model interpolated
/// with the relevance model, P'(w|Q) = lambda * P(w|Q) + (1 - lambda) * P(w|R), with P(w|Q) = 1/|Q|
/// over the query's |Q| positive words and phrases. Scaled by |Q| so that lambda 1 gives the original
/// scores exactly, a document scores
///     lambda * original(d) + (1 - lambda) * |Q| * sum over w of P(w|R) * bm25f(w, d)
/// where original(d) keeps everything the query asked for (phrases, proximity, fields). The original
/// query alone decides which documents match: feedback re-ranks them and never adds any. Run as a
/// query it re-scores every match; <see cref="FeedbackRescorer"/> re-scores only the first pass's best.
/// </summary>
internal sealed class FeedbackQuery : Query
{
    private readonly Query _original;

    public FeedbackQuery(Query original, int queryWords, double originalWeight, IReadOnlyList<(string Term, double Probability)> model)
    {
        _original = original;
        OriginalWeight = originalWeight;
        Expansion = [.. model.Select(m => new FeedbackTermQuery(m.Term, (1 - originalWeight) * queryWords * m.Probability))];
    }

    /// <summary>lambda: what the original score is multiplied by.</summary>
    public double OriginalWeight { get; }

    /// <summary>The feedback words, each boosted by (1 - lambda) * |Q| * P(w|R).</summary>
    public IReadOnlyList<FeedbackTermQuery> Expansion { get; }

    public override Weight? CreateWeight(SearchContext context) =>
        _original.CreateWeight(context) is { } original
            ? new FeedbackWeight(original, OriginalWeight, [.. Expansion.Select(q => q.CreateWeight(context)).OfType<Weight>()])
            : null;
}
