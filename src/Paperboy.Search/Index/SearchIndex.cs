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
        var collector = new TopKCollector(wanted, parsed.HasScoringClauses ? TopKCollector.ByScore : ByYearThenKey);
        Execute(parsed, collector, rank: true);

        var hits = new List<SearchHit>();
        foreach (var scored in collector.Results().Skip(offset))
        {
            var document = _segment.Documents[scored.Doc];
            hits.Add(new SearchHit(
                document.Key,
                (float)scored.Score,
                highlight ? Highlighter.Title(document.Title, parsed.HighlightTerms) : Snippet.Empty,
                highlight ? Highlighter.Abstract(document.Abstract, parsed.HighlightTerms, Settings.SnippetWords) : Snippet.Empty));
        }
        return new SearchResults(collector.TotalMatches, hits, parsed);
    }

    /// <summary>How many documents match, without ranking or highlighting.</summary>
    public int Count(string? query)
    {
        var collector = new CountCollector();
        Execute(Parse(query), collector, rank: false);
        return collector.Count;
    }

    private void Execute(ParsedQuery parsed, ICollector collector, bool rank)
    {
        var context = new SearchContext(_segment, Settings);
        var query = OriginalQuery(parsed);
        if (rank && Settings.FeedbackDocs > 0 && parsed.HasScoringClauses)
        {
            // Feedback only re-ranks the original matches, so counting needs no second pass.
            var firstPass = new TopKCollector(Settings.FeedbackDocs, TopKCollector.ByScore);
            Run(query, context, firstPass);
            var model = RelevanceModel.Estimate(_segment, firstPass.Results(), Settings.FeedbackTerms);
            if (model.Count > 0)
            {
                var queryWords = parsed.Clauses.Count(c => c.Occur != Occur.MustNot);
                query = new FeedbackQuery(query, queryWords, Settings.FeedbackOriginalWeight, model);
            }
        }
        Run(query, context, collector);
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
            : string.CompareOrdinal(_segment.Documents[a.Doc].Key, _segment.Documents[b.Doc].Key);
    }
}
