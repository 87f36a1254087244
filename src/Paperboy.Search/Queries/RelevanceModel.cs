using Paperboy.Search.Analysis;
using Paperboy.Search.Collectors;
using Paperboy.Search.Indexing;

namespace Paperboy.Search.Queries;

/// <summary>
/// The relevance model of pseudo-relevance feedback (RM1 of Lavrenko &amp; Croft, "Relevance-Based
/// Language Models", SIGIR 2001, as used by RM3 in Abdul-Jaleel et al., "UMass at TREC 2004"):
/// the best documents of a first pass stand in for the relevant ones, and
///     P(w|R) = sum over feedback documents d of  P(d|Q) * tf(w,d) / |d|
/// with P(d|Q) the document's first-pass score over the sum of their scores (as Anserini's RM3
/// weighs BM25 runs). The document is its title and abstract, analyzed as the index does.
/// </summary>
internal static class RelevanceModel
{
    /// <summary>
    /// The <paramref name="terms"/> most likely words, probabilities renormalised to sum to 1; ties in
    /// ordinal order. Work is bounded by the feedback documents' length, not by the corpus. Unlike
    /// Anserini, words common in the collection are kept: skipping those in over 10% of documents
    /// lowered both measured sets (docs/SEARCH.md), and stop words are already gone.
    /// </summary>
    public static List<(string Term, double Probability)> Estimate(Segment segment, IReadOnlyList<ScoredDoc> feedback, int terms)
    {
        var scoreSum = 0.0;
        foreach (var hit in feedback)
        {
            scoreSum += hit.Score;
        }
        if (scoreSum <= 0)
        {
            return [];
        }
        var model = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var hit in feedback)
        {
            var document = segment.Document(hit.Doc);
            var tokens = Analyzer.English.Analyze(document.Title ?? "");
            tokens.AddRange(Analyzer.English.Analyze(document.Abstract ?? ""));
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var token in tokens)
            {
                counts[token.Term] = counts.GetValueOrDefault(token.Term) + 1;
            }
            foreach (var (term, count) in counts)
            {
                model[term] = model.GetValueOrDefault(term) + (hit.Score / scoreSum / tokens.Count * count);
            }
        }

        var kept = model.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(terms).Select(e => (e.Key, e.Value)).ToList();
        var keptSum = kept.Sum(k => k.Value);
        return [.. kept.Select(k => (k.Key, k.Value / keptSum))];
    }
}
