using Paperboy.Search.Collectors;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

/// <summary>
/// RM3 feedback applied as a re-ranking of the first pass's best documents only, as Lucene's
/// QueryRescorer and Elasticsearch's rescore (a "window" of the top hits per shard) apply a costly
/// second query: each candidate scores lambda * first(d) + the feedback words' BM25F on it, and the
/// candidates are sorted again. The candidates are visited in doc id order, each feedback word's
/// cursor galloping to the next one, so the cost is proportional to the candidates (times the log
/// of the gap), not to the postings of the feedback words, which are often common words.
/// </summary>
internal static class FeedbackRescorer
{
    /// <summary>The candidates (first-pass scores, global ids) with their interpolated scores, best first.</summary>
    public static ScoredDoc[] Rescore(FeedbackQuery feedback, SearchContext context, ReadOnlySpan<ScoredDoc> candidates)
    {
        Weight[] weights = [.. feedback.Expansion.Select(q => q.CreateWeight(context)).OfType<Weight>()];
        var rescored = candidates.ToArray();
        Array.Sort(rescored, static (a, b) => a.Doc.CompareTo(b.Doc));
        var segment = -1;
        Scorer[] words = [];
        for (var i = 0; i < rescored.Length; i++)
        {
            var ordinal = context.Segments.OrdinalOf(rescored[i].Doc);
            var view = context.Segments.Segments[ordinal];
            if (ordinal != segment)
            {
                // Candidates ascend, so each segment's scorers are made once and only move forward.
                segment = ordinal;
                words = [.. weights.Select(w => w.CreateScorer(segment)).OfType<Scorer>()];
            }
            var doc = rescored[i].Doc - view.DocBase;
            // Summed as FeedbackWeight's scorers sum them (the words from 0, then added to the scaled
            // original), so re-ranking every match gives the same scores, bit for bit, as the full pass.
            var expansion = 0.0;
            foreach (var word in words)
            {
                if (word.Advance(doc) == doc)
                {
                    expansion += word.Score();
                }
            }
            rescored[i] = new ScoredDoc(rescored[i].Doc, (feedback.OriginalWeight * rescored[i].Score) + expansion);
        }
        Array.Sort(rescored, TopKCollector.ByScore);
        return rescored;
    }
}
