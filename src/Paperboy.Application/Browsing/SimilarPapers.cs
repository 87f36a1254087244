using System.Text.RegularExpressions;
using Paperboy.Application.Searching;
using Paperboy.Application.Semantic;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Search;

namespace Paperboy.Application.Browsing;

/// <summary>
/// Papers like a paper, or like a set of papers (a library tag). By meaning when the papers have
/// vectors (their nearest neighbours, docs/SEMANTIC.md); otherwise lexical more-like-this, as Lucene's
/// MoreLikeThis does it: the paper's most distinctive words, by tf-idf over its title (counted twice)
/// and abstract, become an OR query through the ordinary search, which ranks the other papers by
/// BM25F. Words the index never saw or drops (stop words) have no document frequency and are skipped.
/// </summary>
public sealed partial class SimilarPapers(PaperSearchService search, IPaperStore store, SemanticSearch? semantic = null)
{
    /// <summary>How many of the paper's words the query keeps.</summary>
    public const int QueryWords = 12;

    // Only the commonest words of the paper are looked up in the index: each lookup counts matches.
    private const int Candidates = 40;

    public async Task<IReadOnlyList<PaperHit>> FindAsync(Paper paper, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paper);
        if (await NearestAsync([paper.Id], limit, cancellationToken) is { Count: > 0 } nearest)
        {
            return nearest;
        }
        return await LexicalAsync(paper, limit, cancellationToken);
    }

    /// <summary>
    /// Papers like a set, the set left out: nearest the mean of their vectors, or, without vectors,
    /// the lexical neighbours of each paper in turn, interleaved.
    /// </summary>
    public async Task<IReadOnlyList<PaperHit>> LikeTheseAsync(IReadOnlyList<Paper> papers, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(papers);
        if (papers.Count == 0)
        {
            return [];
        }
        var ids = papers.Select(p => p.Id).ToList();
        if (await NearestAsync(ids, limit, cancellationToken) is { Count: > 0 } nearest)
        {
            return nearest;
        }
        var excluded = ids.ToHashSet(StringComparer.Ordinal);
        var lists = new List<IReadOnlyList<PaperHit>>();
        foreach (var paper in papers.Take(10))
        {
            lists.Add(await LexicalAsync(paper, limit + papers.Count, cancellationToken));
        }
        var interleaved = new List<PaperHit>();
        for (int rank = 0; interleaved.Count < limit && lists.Any(l => rank < l.Count); rank++)
        {
            foreach (var list in lists.Where(l => rank < l.Count))
            {
                if (interleaved.Count < limit && excluded.Add(list[rank].Paper.Id))
                {
                    interleaved.Add(list[rank]);
                }
            }
        }
        return interleaved;
    }

    // By vectors; null when semantic search is not set up or none of the papers has a vector yet.
    private async Task<IReadOnlyList<PaperHit>?> NearestAsync(IReadOnlyCollection<string> ids, int limit, CancellationToken cancellationToken)
    {
        var vectors = semantic is null ? null : await semantic.OpenAsync(cancellationToken);
        if (vectors?.LikeThese(ids, limit) is not { } nearest)
        {
            return null;
        }
        var index = await search.GetIndexAsync(cancellationToken);
        var described = index.Describe(nearest.Select(h => (h.Key, h.Score)).ToList(), query: null);
        var papers = (await store.GetManyAsync(described.Select(h => h.Key).ToList(), cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        return described
            .Where(h => papers.ContainsKey(h.Key))
            .Select(h => new PaperHit(papers[h.Key], h.Score, h.Title, h.Abstract) { Match = SearchMatch.Meaning })
            .ToList();
    }

    private async Task<IReadOnlyList<PaperHit>> LexicalAsync(Paper paper, int limit, CancellationToken cancellationToken)
    {
        string query = await QueryForAsync(paper, cancellationToken);
        if (query.Length == 0)
        {
            return [];
        }
        var result = await search.SearchAsync(query, limit + 1, 0, SearchSort.Relevance, facets: false, cancellationToken);
        return result.Hits.Where(h => h.Paper.Id != paper.Id).Take(limit).ToList();
    }

    /// <summary>The query <see cref="FindAsync"/> runs: the distinctive words, best first.</summary>
    public async Task<string> QueryForAsync(Paper paper, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Count(paper.Title, 2, counts);
        Count(paper.Abstract, 1, counts);
        var index = await search.GetIndexAsync(cancellationToken);
        double documents = Math.Max(1, index.DocumentCount);
        var scored = new List<(string Word, double Score)>();
        foreach (var (word, tf) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(Candidates))
        {
            // Plain words only: a hyphenated word would be read as a phrase and counted as one.
            int df = index.Count($"title:{word} abs:{word}");
            if (df > 0)
            {
                scored.Add((word, tf * Math.Log(1 + (documents / df))));
            }
        }
        return string.Join(' ', scored
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Word, StringComparer.Ordinal)
            .Take(QueryWords)
            .Select(s => s.Word));
    }

    private static void Count(string text, int weight, Dictionary<string, int> counts)
    {
        foreach (Match match in Word().Matches(text))
        {
            string word = match.Value.ToLowerInvariant();
            counts[word] = counts.GetValueOrDefault(word) + weight;
        }
    }

    // Letters, then letters or digits: no hyphens, apostrophes or TeX, at least three characters.
    [GeneratedRegex(@"\p{L}[\p{L}\p{N}]{2,}")]
    private static partial Regex Word();
}
