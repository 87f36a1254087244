using Paperboy.Search.Collectors;
using Paperboy.Search.Highlighting;
using Paperboy.Search.Indexing;
using Paperboy.Search.Queries;
using Paperboy.Search.Scoring;

namespace Paperboy.Search;

/// <summary>
/// An immutable snapshot of indexed documents: one or more segments with their deletions. Any
/// number of threads may search it at once: every search builds its own weights, scorers and
/// collector and only reads the segments. A writer's commit publishes a new snapshot; searches
/// holding this one are not disturbed.
/// </summary>
public sealed class SearchIndex
{
    private readonly SegmentSet _segments;

    internal SearchIndex(SegmentSet segments, SearchSettings settings)
    {
        _segments = segments;
        Settings = settings;
    }

    /// <summary>Live (searchable) documents.</summary>
    public int DocumentCount => _segments.LiveDocCount;

    /// <summary>How many segments the snapshot has (one for an index built in memory).</summary>
    public int SegmentCount => _segments.Segments.Count;

    internal SegmentSet Segments => _segments;

    public SearchSettings Settings { get; }

    /// <summary>The same documents ranked with other settings (for tuning); nothing is re-indexed.</summary>
    public SearchIndex WithSettings(SearchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return new SearchIndex(_segments, settings);
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
        var wanted = (int)Math.Min((long)offset + limit, _segments.LiveDocCount);
        var (ranked, total) = Rank(parsed, wanted);

        var hits = new List<SearchHit>();
        foreach (var scored in ranked.Take(wanted).Skip(offset))
        {
            var document = _segments.Document(scored.Doc);
            hits.Add(new SearchHit(
                document.Key,
                (float)scored.Score,
                highlight ? Highlighter.Title(document.Title, parsed.HighlightTerms) : Snippet.Empty,
                highlight ? Highlighter.Abstract(document.Abstract, parsed.HighlightTerms, Settings.SnippetWords) : Snippet.Empty));
        }
        return new SearchResults(total, hits, parsed);
    }

    /// <summary>How many documents match, without ranking or highlighting.</summary>
    public int Count(string? query)
    {
        var collector = new CountCollector();
        Run(OriginalQuery(Parse(query)), new SearchContext(_segments, Settings), collector);
        return collector.Count;
    }

    /// <summary>At least the best <paramref name="wanted"/> matches in order, and how many match.</summary>
    private (ScoredDoc[] Ranked, int Total) Rank(ParsedQuery parsed, int wanted)
    {
        var context = new SearchContext(_segments, Settings);
        var original = OriginalQuery(parsed);
        if (Settings.FeedbackDocs == 0 || !parsed.HasScoringClauses)
        {
            var collector = new TopKCollector(wanted, parsed.HasScoringClauses ? TopKCollector.ByScore : ByYearThenKey);
            Run(original, context, collector);
            return (collector.Results(), collector.TotalMatches);
        }

        // Feedback only re-ranks the original matches, so the first pass counts them all.
        var depth = Settings.FeedbackRerankDepth;
        var kept = Math.Min(Math.Max(wanted, Math.Max(depth, Settings.FeedbackDocs)), _segments.LiveDocCount);
        var firstPass = new TopKCollector(kept, TopKCollector.ByScore);
        Run(original, context, firstPass);
        var candidates = firstPass.Results();
        var model = RelevanceModel.Estimate(_segments, candidates[..Math.Min(Settings.FeedbackDocs, candidates.Length)], Settings.FeedbackTerms);
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

    private static void Run(Query query, SearchContext context, ICollector collector)
    {
        if (query.CreateWeight(context) is not { } weight)
        {
            return;
        }
        var segments = context.Segments.Segments;
        for (var s = 0; s < segments.Count; s++)
        {
            if (weight.CreateScorer(s) is not { } scorer)
            {
                continue;
            }
            var view = segments[s];
            for (var doc = scorer.NextDoc(); doc != Scorer.NoMoreDocs; doc = scorer.NextDoc())
            {
                if (view.IsLive(doc))
                {
                    collector.Collect(view.DocBase + doc, scorer.Score());
                }
            }
        }
    }

    private int ByYearThenKey(ScoredDoc a, ScoredDoc b)
    {
        var byYear = _segments.Year(b.Doc).CompareTo(_segments.Year(a.Doc));
        return byYear != 0
            ? byYear
            : string.CompareOrdinal(_segments.Key(a.Doc), _segments.Key(b.Doc));
    }
}
