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
    private readonly bool _pruning;
    private readonly int _pruningWindow;
    private readonly int _countWindow;

    private static readonly IReadOnlyDictionary<string, string> NoCommitData = new Dictionary<string, string>();

    /// <summary>One segment without deletions: an index built in memory.</summary>
    internal SearchIndex(Segment segment, SearchSettings settings)
        : this(SegmentSet.Of([(segment, null, "memory")]), settings)
    {
    }

    internal SearchIndex(SegmentSet segments, SearchSettings settings, IReadOnlyDictionary<string, string>? commitData = null, bool pruning = true,
        int pruningWindow = MaxScoreBulkScorer.DefaultWindow, int countWindow = MatchCounter.DefaultWindow)
    {
        _segments = segments;
        _pruning = pruning;
        _pruningWindow = pruningWindow;
        _countWindow = countWindow;
        Settings = settings;
        CommitData = commitData ?? NoCommitData;
    }

    /// <summary>
    /// The last commit of the index in <paramref name="directory"/>, read-only (a writer may be at
    /// work meanwhile; its later commits need a new Open). Every file is verified: a damaged one
    /// throws <see cref="Storage.CorruptIndexException"/>. A directory never committed to is an empty index.
    /// </summary>
    public static SearchIndex Open(string directory, SearchSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        settings ??= SearchSettings.Default;
        settings.Validate();
        var (commit, segments) = Storage.CommitReader.OpenLatest(Path.GetFullPath(directory));
        return new SearchIndex(SegmentSet.Of(segments), settings, commit.UserData);
    }

    /// <summary>What the commit this snapshot comes from recorded; empty for an index built in memory.</summary>
    public IReadOnlyDictionary<string, string> CommitData { get; }

    /// <summary>Live (searchable) documents.</summary>
    public int DocumentCount => _segments.LiveDocCount;

    /// <summary>How many segments the snapshot has (one for an index built in memory).</summary>
    public int SegmentCount => _segments.Segments.Count;

    internal SegmentSet Segments => _segments;

    /// <summary>
    /// The same snapshot ranking every match (no dynamic pruning): the plain reference the pruned
    /// path is tested against, result for result and score for score.
    /// </summary>
    internal SearchIndex WithoutPruning() => new(_segments, Settings, CommitData, pruning: false);

    /// <summary>The same snapshot pruning and counting in windows of <paramref name="window"/> documents: tests use small ones to cross many window edges.</summary>
    internal SearchIndex WithPruningWindow(int window) => new(_segments, Settings, CommitData, _pruning, window, window);

    public SearchSettings Settings { get; }

    /// <summary>The same documents ranked with other settings (for tuning); nothing is re-indexed.</summary>
    public SearchIndex WithSettings(SearchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return new SearchIndex(_segments, settings, CommitData, _pruning, _pruningWindow, _countWindow);
    }

    public ParsedQuery Parse(string? query) => QueryParser.Parse(query, Settings);

    /// <summary>The first page of a query, ranked by relevance: <see cref="Search(SearchRequest)"/> with defaults.</summary>
    public SearchResults Search(string? query, int limit = 10, int offset = 0, bool highlight = true) =>
        Search(new SearchRequest(query) { Limit = limit, Offset = offset, Highlight = highlight });

    /// <summary>
    /// Ranks by BM25F (or the requested order), ties by the order documents were added. A query with
    /// only filters (<c>cat:cs.CL year:2024</c>) lists every matching document, newest year first,
    /// then by key, with score 0. A query with nothing positive (<c>-foo</c>, stop words only, empty)
    /// matches nothing. Without highlighting the snippets are empty: ranking deep lists (evaluation)
    /// then costs no text work.
    /// </summary>
    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.ExactTotalUpTo);
        if (request.Sort == SearchSort.Relevance && !request.Facets && _pruning)
        {
            // Only a pruned search (relevance, no facets) spreads over threads.
            SearchContext.WakeThreadsFor(_segments, Settings);
        }
        var parsed = Parse(request.Query);
        var offset = Math.Max(0, request.Offset);
        var limit = Math.Max(0, request.Limit);
        var wanted = (int)Math.Min((long)offset + limit, _segments.LiveDocCount);
        var facets = request.Facets ? new FacetCollector() : null;
        var (ranked, total) = Rank(parsed, wanted, request.Sort, facets, request.ExactTotalUpTo);

        var hits = new List<SearchHit>();
        foreach (var scored in ranked.Take(wanted).Skip(offset))
        {
            if (!request.Highlight)
            {
                hits.Add(new SearchHit(_segments.Key(scored.Doc), (float)scored.Score, Snippet.Empty, Snippet.Empty));
                continue;
            }
            // On a segment read from disk this is a read of the document's record: only for the page shown.
            var document = _segments.Document(scored.Doc);
            hits.Add(new SearchHit(
                _segments.Key(scored.Doc),
                (float)scored.Score,
                Highlighter.Title(document.Title, parsed.HighlightTerms),
                Highlighter.Abstract(document.Abstract, parsed.HighlightTerms, Settings.SnippetWords)));
        }
        return new SearchResults(total.Count, hits, parsed) { TotalIsLowerBound = total.AtLeast, Facets = facets?.Counts(Settings.MaxFacetCategories) };
    }

    /// <summary>
    /// The filters of a query (<c>cat:</c>, <c>year:</c>, <c>date:</c>, with exclusions) as a test on
    /// keys, for rankings made outside this index (semantic search); null when the query has none.
    /// A key passes when its live document passes them all.
    /// </summary>
    public Predicate<string>? KeyFilter(string? query)
    {
        var filters = Parse(query).Filters;
        if (filters.IsEmpty)
        {
            return null;
        }
        var bound = _segments.Segments.Select(view => (View: view, Filter: filters.Compile(view.Segment))).ToArray();
        return key =>
        {
            if (LiveDoc(key) is not { } found)
            {
                return false;
            }
            return Array.Find(bound, b => b.View == found.View).Filter.Matches(found.Doc);
        };
    }

    /// <summary>
    /// Hits for a ranking made outside this index (semantic search, fusion), in its order, with this
    /// query's highlights; keys the index does not hold (or holds deleted) are left out.
    /// </summary>
    public IReadOnlyList<SearchHit> Describe(IReadOnlyList<(string Key, float Score)> ranked, string? query)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var terms = Parse(query).HighlightTerms;
        var hits = new List<SearchHit>(ranked.Count);
        foreach (var (key, score) in ranked)
        {
            if (LiveDoc(key) is not { } found)
            {
                continue;
            }
            var document = found.View.Segment.Document(found.Doc);
            hits.Add(new SearchHit(key, score, Highlighter.Title(document.Title, terms), Highlighter.Abstract(document.Abstract, terms, Settings.SnippetWords)));
        }
        return hits;
    }

    private (SegmentView View, int Doc)? LiveDoc(string key)
    {
        foreach (var view in _segments.Segments)
        {
            foreach (int doc in view.Segment.DocsOf(key))
            {
                if (view.IsLive(doc))
                {
                    return (view, doc);
                }
            }
        }
        return null;
    }

    /// <summary>How many documents match, without ranking or highlighting.</summary>
    public int Count(string? query)
    {
        var collector = new CountCollector();
        var context = new SearchContext(_segments, Settings);
        Run(OriginalQuery(Parse(query)).CreateWeight(context), context, collector);
        return collector.Count;
    }

    /// <summary>At least the best <paramref name="wanted"/> matches in order, and how many match.</summary>
    /// <param name="facets">Sees every match of the original query, when facets are wanted.</param>
    /// <param name="exactTotalUpTo">Past this many matches, the total may stop there as a lower bound (<see cref="SearchRequest.ExactTotalUpTo"/>).</param>
    internal (ScoredDoc[] Ranked, MatchTotal Total) Rank(ParsedQuery parsed, int wanted, SearchSort sort, FacetCollector? facets, int exactTotalUpTo = int.MaxValue)
    {
        var context = new SearchContext(_segments, Settings);
        var original = OriginalQuery(parsed);
        if (sort != SearchSort.Relevance || Settings.FeedbackDocs == 0 || !parsed.HasScoringClauses)
        {
            // Feedback re-ranks by relevance only: an order by date or upvotes has nothing for it to change.
            Comparison<ScoredDoc> order = sort switch
            {
                SearchSort.Newest => ByNewest,
                SearchSort.MostUpvoted => ByUpvotes,
                _ when parsed.HasScoringClauses => TopKCollector.ByScore,
                _ => ByYearThenKey,
            };
            var collector = new TopKCollector(wanted, order);
            if (sort == SearchSort.Relevance && parsed.HasScoringClauses)
            {
                var total = RunByScore(original, context, collector, facets, exactTotalUpTo);
                return (collector.Results(), total);
            }
            Run(original.CreateWeight(context), context, With(collector, facets));
            return (collector.Results(), new MatchTotal(collector.TotalMatches, AtLeast: false));
        }

        // Feedback only re-ranks the original matches, so the first pass counts them all.
        var depth = Settings.FeedbackRerankDepth;
        var kept = Math.Min(Math.Max(wanted, Math.Max(depth, Settings.FeedbackDocs)), _segments.LiveDocCount);
        var firstPass = new TopKCollector(kept, TopKCollector.ByScore);
        var matches = RunByScore(original, context, firstPass, facets, exactTotalUpTo);
        var candidates = firstPass.Results();
        var model = RelevanceModel.Estimate(_segments, candidates[..Math.Min(Settings.FeedbackDocs, candidates.Length)], Settings.FeedbackTerms);
        if (model.Count == 0)
        {
            return (candidates, matches);
        }
        var queryWords = parsed.Clauses.Count(c => c.Occur != Occur.MustNot);
        var feedback = new FeedbackQuery(original, queryWords, Settings.FeedbackOriginalWeight, model);
        if (depth == 0)
        {
            var collector = new TopKCollector(wanted, TopKCollector.ByScore);
            Run(feedback.CreateWeight(context), context, collector);
            return (collector.Results(), matches);
        }

        // Past the depth, documents keep their first-pass order, scored lambda * first(d): the feedback
        // part they were not given is never negative, so the scores still never rise down the list.
        var reranked = Math.Min(depth, candidates.Length);
        var ranked = FeedbackRescorer.Rescore(feedback, context, candidates.AsSpan(0, reranked));
        var rest = candidates.Skip(reranked).Select(c => c with { Score = feedback.OriginalWeight * c.Score });
        return ([.. ranked, .. rest], matches);
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

    /// <summary>
    /// Ranks by score into <paramref name="collector"/> and returns how many match: pruned (MaxScore,
    /// with a separate count that may stop past <paramref name="exactTotalUpTo"/>) for a pure
    /// disjunction, else every match scored and counted.
    /// </summary>
    private MatchTotal RunByScore(Query query, SearchContext context, TopKCollector collector, FacetCollector? facets, int exactTotalUpTo)
    {
        var weight = query.CreateWeight(context);
        if (_pruning && weight is BooleanWeight { IsPureDisjunction: true } disjunction)
        {
            return PrunedSearch.Run(disjunction, context, collector, facets, (_pruningWindow, _countWindow), exactTotalUpTo);
        }
        Run(weight, context, With(collector, facets));
        return new MatchTotal(collector.TotalMatches, AtLeast: false);
    }

    private static void Run(Weight? weight, SearchContext context, ICollector collector)
    {
        if (weight is null)
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
            collector.SetSegment(view);
            for (var doc = scorer.NextDoc(); doc != Scorer.NoMoreDocs; doc = scorer.NextDoc())
            {
                if (view.IsLive(doc))
                {
                    collector.Collect(view.DocBase + doc, scorer.Score());
                }
            }
        }
    }

    private static ICollector With(ICollector ranking, FacetCollector? facets) =>
        facets is null ? ranking : new MultiCollector(ranking, facets);

    private int ByNewest(ScoredDoc a, ScoredDoc b)
    {
        var byDate = _segments.Date(b.Doc).CompareTo(_segments.Date(a.Doc));
        return byDate != 0 ? byDate : TopKCollector.ByScore(a, b);
    }

    private int ByUpvotes(ScoredDoc a, ScoredDoc b)
    {
        var byUpvotes = _segments.Upvotes(b.Doc).CompareTo(_segments.Upvotes(a.Doc));
        return byUpvotes != 0 ? byUpvotes : TopKCollector.ByScore(a, b);
    }

    private int ByYearThenKey(ScoredDoc a, ScoredDoc b)
    {
        var byYear = _segments.Year(b.Doc).CompareTo(_segments.Year(a.Doc));
        return byYear != 0
            ? byYear
            : string.CompareOrdinal(_segments.Key(a.Doc), _segments.Key(b.Doc));
    }
}
