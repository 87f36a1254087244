namespace Paperboy.Search;

/// <summary>
/// Ranking and query limits. BM25F parameters follow Robertson &amp; Zaragoza, "The Probabilistic
/// Relevance Framework: BM25 and Beyond" (2009): a weight and a length normalisation b per field,
/// one saturation k1. The defaults are the usual starting points (k1 1.2, b 0.75, a title worth
/// 2.5 abstract occurrences), to be tuned by measurement. Settings are read at search time, so
/// <see cref="SearchIndex.WithSettings"/> can try new values without rebuilding the index.
/// </summary>
public sealed record SearchSettings
{
    public static SearchSettings Default { get; } = new();

    /// <summary>Feedback re-reads its documents' text at search time; these caps bound that work on any corpus.</summary>
    public const int MaxFeedbackDocs = 100;

    public const int MaxFeedbackTerms = 100;

    /// <summary>
    /// The deepest feedback re-ranking allowed; Elasticsearch caps its rescore window at the same
    /// 10,000 (<c>index.max_rescore_window</c>). Each search keeps that many first-pass hits in memory.
    /// </summary>
    public const int MaxFeedbackRerankDepth = 10_000;

    public double TitleWeight { get; init; } = 2.5;
    public double AbstractWeight { get; init; } = 1.0;
    public double AuthorsWeight { get; init; } = 1.0;
    public double K1 { get; init; } = 1.2;
    public double TitleB { get; init; } = 0.75;
    public double AbstractB { get; init; } = 0.75;
    public double AuthorsB { get; init; } = 0.75;

    /// <summary>
    /// Weight of the term-pair proximity score (BM25TP, Rasolofo &amp; Savoy, ECIR 2003) added for
    /// adjacent query words found close together in the title or abstract; 0 turns it off. 1 was
    /// chosen by measurement on the dev query set and Cranfield (docs/SEARCH.md): it raised both,
    /// where 2 helped the dev set more but hurt Cranfield.
    /// </summary>
    public double ProximityWeight { get; init; } = 1.0;

    /// <summary>How far apart (in positions, stop words counted) a pair still counts; Rasolofo &amp; Savoy use 5.</summary>
    public int ProximityWindow { get; init; } = 5;

    /// <summary>
    /// Pseudo-relevance feedback (RM3: Lavrenko &amp; Croft, SIGIR 2001; Abdul-Jaleel et al., TREC 2004):
    /// how many of the first pass's best documents are read as if relevant; 0 turns it off. Their
    /// most likely words re-rank the matches in a second pass; feedback never adds matches. 10, with
    /// 10 words and an original weight of 0.5, are Anserini's RM3 defaults; measured in docs/SEARCH.md.
    /// </summary>
    public int FeedbackDocs { get; init; } = 10;

    /// <summary>How many feedback words the relevance model keeps (Anserini's RM3 default is 10).</summary>
    public int FeedbackTerms { get; init; } = 10;

    /// <summary>Weight of the original query against the relevance model (RM3's lambda; Anserini uses 0.5).</summary>
    public double FeedbackOriginalWeight { get; init; } = 0.5;

    /// <summary>
    /// How many of the first pass's best documents feedback re-ranks; 0 re-ranks every match. Beyond
    /// the depth documents keep their first-pass order, after the re-ranked ones, so the second pass
    /// costs work proportional to the depth, not to the matches (re-ranking the top of a first pass as
    /// Lucene's QueryRescorer and Elasticsearch's rescore window do). Measured in docs/SEARCH.md.
    /// </summary>
    public int FeedbackRerankDepth { get; init; } = 100;

    /// <summary>Longer queries are cut here: nobody types more, and it bounds the work a request can cause.</summary>
    public int MaxQueryLength { get; init; } = 1000;

    /// <summary>Text clauses beyond this many are ignored (Lucene's maxClauseCount plays the same role).</summary>
    public int MaxClauses { get; init; } = 64;

    /// <summary>Words in an abstract snippet; abstracts up to <see cref="SnippetWords"/> + 5 words are shown whole.</summary>
    public int SnippetWords { get; init; } = 35;

    /// <summary>Categories listed in facet counts, most frequent first.</summary>
    public int MaxFacetCategories { get; init; } = 20;

    /// <summary>
    /// Threads one ranked search may use: the segments of a pruned search are split among them, each
    /// group counted and ranked on its own and the top k merged. 1 searches on the caller's thread only.
    /// </summary>
    public int SearchThreads { get; init; } = Math.Min(Environment.ProcessorCount, 8);

    /// <summary>
    /// Indexes with fewer documents are searched on one thread: below this, handing segments to other
    /// threads costs about what it saves.
    /// </summary>
    public int ParallelSearchFromDocs { get; init; } = 100_000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        RequireAtLeast(TitleWeight, 0, nameof(TitleWeight));
        RequireAtLeast(AbstractWeight, 0, nameof(AbstractWeight));
        RequireAtLeast(AuthorsWeight, 0, nameof(AuthorsWeight));
        RequireAtLeast(K1, 0, nameof(K1));
        RequireUnitInterval(TitleB, nameof(TitleB));
        RequireUnitInterval(AbstractB, nameof(AbstractB));
        RequireUnitInterval(AuthorsB, nameof(AuthorsB));
        RequireAtLeast(ProximityWeight, 0, nameof(ProximityWeight));
        RequireAtLeast(ProximityWindow, 1, nameof(ProximityWindow));
        RequireAtLeast(FeedbackDocs, 0, nameof(FeedbackDocs));
        RequireAtMost(FeedbackDocs, MaxFeedbackDocs, nameof(FeedbackDocs));
        RequireAtLeast(FeedbackTerms, 1, nameof(FeedbackTerms));
        RequireAtMost(FeedbackTerms, MaxFeedbackTerms, nameof(FeedbackTerms));
        RequireUnitInterval(FeedbackOriginalWeight, nameof(FeedbackOriginalWeight));
        RequireAtLeast(FeedbackRerankDepth, 0, nameof(FeedbackRerankDepth));
        RequireAtMost(FeedbackRerankDepth, MaxFeedbackRerankDepth, nameof(FeedbackRerankDepth));
        RequireAtLeast(MaxQueryLength, 1, nameof(MaxQueryLength));
        RequireAtLeast(MaxClauses, 1, nameof(MaxClauses));
        RequireAtLeast(SnippetWords, 1, nameof(SnippetWords));
        RequireAtLeast(MaxFacetCategories, 1, nameof(MaxFacetCategories));
        RequireAtLeast(SearchThreads, 1, nameof(SearchThreads));
        RequireAtLeast(ParallelSearchFromDocs, 0, nameof(ParallelSearchFromDocs));
    }

    private static void RequireAtLeast(double value, double min, string name)
    {
        if (double.IsNaN(value) || value < min)
        {
            throw new ArgumentOutOfRangeException(name, value, $"search settings: {name} must be at least {min}");
        }
    }

    private static void RequireAtMost(double value, double max, string name)
    {
        if (value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"search settings: {name} must be at most {max}");
        }
    }

    private static void RequireUnitInterval(double value, string name)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"search settings: {name} must be between 0 and 1");
        }
    }
}
