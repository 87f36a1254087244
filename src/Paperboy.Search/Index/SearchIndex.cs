using Paperboy.Search.Collectors;
using Paperboy.Search.Highlighting;
using Paperboy.Search.Indexing;
using Paperboy.Search.Queries;
using Paperboy.Search.Scoring;

namespace Paperboy.Search;

/// <summary>
/// An immutable snapshot of indexed documents. Any number of threads may search it at once:
/// every search builds its own weights, scorers and collector and only reads the segment.
/// </summary>
public sealed class SearchIndex
{
    private readonly Segment _segment;

    internal SearchIndex(Segment segment, SearchSettings settings)
    {
        _segment = segment;
        Settings = settings;
    }

    public int DocumentCount => _segment.DocCount;

    public SearchSettings Settings { get; }

    /// <summary>The same documents ranked with other settings (for tuning); nothing is re-indexed.</summary>
    public SearchIndex WithSettings(SearchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return new SearchIndex(_segment, settings);
    }

    public ParsedQuery Parse(string? query) => QueryParser.Parse(query, Settings);

    /// <summary>
    /// Ranks by BM25F, ties by the order documents were added. A query with only filters
    /// (<c>cat:cs.CL year:2024</c>) lists every matching document, newest year first, then by key,
    /// with score 0. A query with nothing positive (<c>-foo</c>, stop words only, empty) matches nothing.
    /// Without <paramref name="highlight"/> the snippets are empty: ranking deep lists (evaluation)
    /// then costs no text work.
    /// </summary>
    public SearchResults Search(string? query, int limit = 10, int offset = 0, bool highlight = true)
    {
        var parsed = Parse(query);
        offset = Math.Max(0, offset);
        limit = Math.Max(0, limit);
        var wanted = (int)Math.Min((long)offset + limit, _segment.DocCount);
        var (ranked, total) = Rank(parsed, wanted);

        var hits = new List<SearchHit>();
        foreach (var scored in ranked.Take(wanted).Skip(offset))
        {
            if (!highlight)
            {
                hits.Add(new SearchHit(_segment.Key(scored.Doc), (float)scored.Score, Snippet.Empty, Snippet.Empty));
                continue;
            }
            // On a segment read from disk this is a read of the document's record: only for the page shown.
            var document = _segment.Document(scored.Doc);
            hits.Add(new SearchHit(
                _segment.Key(scored.Doc),
                (float)scored.Score,
                Highlighter.Title(document.Title, parsed.HighlightTerms),
                Highlighter.Abstract(document.Abstract, parsed.HighlightTerms, Settings.SnippetWords)));
        }
        return new SearchResults(total, hits, parsed);
    }

    /// <summary>How many documents match, without ranking or highlighting.</summary>
    public int Count(string? query)
    {
        var collector = new CountCollector();
        Run(OriginalQuery(Parse(query)), new SearchContext(_segment, Settings), collector);
        return collector.Count;
    }

    /// <summary>At least the best <paramref name="wanted"/> matches in order, and how many match.</summary>
    private (ScoredDoc[] Ranked, int Total) Rank(ParsedQuery parsed, int wanted)
    {
        var context = new SearchContext(_segment, Settings);
        var original = OriginalQuery(parsed);
        if (Settings.FeedbackDocs == 0 || !parsed.HasScoringClauses)
        {
            var collector = new TopKCollector(wanted, parsed.HasScoringClauses ? TopKCollector.ByScore : ByYearThenKey);
            Run(original, context, collector);
            return (collector.Results(), collector.TotalMatches);
        }

        // Feedback only re-ranks the original matches, so the first pass counts them all.
        var depth = Settings.FeedbackRerankDepth;
        var kept = Math.Min(Math.Max(wanted, Math.Max(depth, Settings.FeedbackDocs)), _segment.DocCount);
        var firstPass = new TopKCollector(kept, TopKCollector.ByScore);
        Run(original, context, firstPass);
        var candidates = firstPass.Results();
        var model = RelevanceModel.Estimate(_segment, candidates[..Math.Min(Settings.FeedbackDocs, candidates.Length)], Settings.FeedbackTerms);
        if (model.Count == 0)
        {
            return (candidates, firstPass.TotalMatches);
        }
        var queryWords = parsed.Clauses.Count(c => c.Occur != Occur.MustNot);
        var feedback = new FeedbackQuery(original, queryWords, Settings.FeedbackOriginalWeight, model);
        if (depth == 0)
        {
            var collector = new TopKCollector(wanted, TopKCollector.ByScore);
            Run(feedback, context, collector);
            return (collector.Results(), firstPass.TotalMatches);
        }

        // Past the depth, documents keep their first-pass order, scored lambda * first(d): the feedback
        // part they were not given is never negative, so the scores still never rise down the list.
        var reranked = Math.Min(depth, candidates.Length);
        var ranked = FeedbackRescorer.Rescore(feedback, context, candidates.AsSpan(0, reranked));
        var rest = candidates.Skip(reranked).Select(c => c with { Score = feedback.OriginalWeight * c.Score });
        return ([.. ranked, .. rest], firstPass.TotalMatches);
    }

    private Query OriginalQuery(ParsedQuery parsed)
    {
        var clauses = parsed.Clauses.Select(c => (c.Occur, (Query)new TextQuery(c.Text, c.SearchedFields))).ToList();
        if (Settings.ProximityWeight > 0)
        {
            // Pairs only add score: a document holding both words already matches each word's clause.
            clauses.AddRange(ProximityQuery.AdjacentPairs(parsed.Clauses).Select(p => (Occur.Should, (Query)p)));
        }
        return new BooleanQuery(clauses, parsed.Filters);
    }

    private void Run(Query query, SearchContext context, ICollector collector)
    {
        var scorer = query.CreateWeight(context)?.CreateScorer(_segment);
        if (scorer is null)
        {
            return;
        }
        for (var doc = scorer.NextDoc(); doc != Scorer.NoMoreDocs; doc = scorer.NextDoc())
        {
            collector.Collect(doc, scorer.Score());
        }
    }

    private int ByYearThenKey(ScoredDoc a, ScoredDoc b)
    {
        var years = _segment.Values.Years;
        var byYear = years[b.Doc].CompareTo(years[a.Doc]);
        return byYear != 0
            ? byYear
            : string.CompareOrdinal(_segment.Key(a.Doc), _segment.Key(b.Doc));
    }
}
