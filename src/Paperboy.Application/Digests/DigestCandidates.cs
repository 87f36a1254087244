using System.Globalization;
using Paperboy.Application.Follows;
using Paperboy.Application.Lists;
using Paperboy.Core.Papers;
using Paperboy.Search;

namespace Paperboy.Application.Digests;

/// <summary>A paper a digest may hold: its list day, its trending score, and its authors folded as follow keys.</summary>
public sealed record DigestCandidate(Paper Paper, DateOnly Day, double Trending, IReadOnlyList<string> FoldedAuthors);

/// <summary>
/// The papers of one digest run, loaded once and shared by every subscriber: the window's papers indexed
/// by category and by author surname, each saved search run once over the whole index (whoever saved
/// it) and kept, and the trending list. Composing for 10,000 subscribers is then lookups in memory, not
/// a search per subscriber and topic (docs/PERFORMANCE.md, the `digest` benchmark).
/// </summary>
public sealed class DigestCandidates
{
    private readonly Dictionary<string, DigestCandidate> _byId;
    private readonly Dictionary<string, List<DigestCandidate>> _byCategory = new(StringComparer.OrdinalIgnoreCase);
    // Each author of each candidate under the last word of the folded name, with the folded name padded by spaces, folded once per run.
    private readonly Dictionary<string, List<(DigestCandidate Candidate, string Author, string Folded)>> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<(DigestCandidate Candidate, float Score)>> _queries = new(StringComparer.Ordinal);
    private readonly SearchIndex _index;
    private readonly int _maxQueryMatches;

    public DigestCandidates(IReadOnlyList<DigestCandidate> candidates, IReadOnlyList<DigestCandidate> trending, SearchIndex index,
        DateOnly from, DateOnly to, int maxQueryMatches)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        _byId = candidates.ToDictionary(c => c.Paper.Id, StringComparer.Ordinal);
        Trending = trending;
        _index = index;
        From = from;
        To = to;
        _maxQueryMatches = maxQueryMatches;
        foreach (var candidate in candidates)
        {
            foreach (string category in candidate.Paper.Categories.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                Add(_byCategory, category, candidate);
            }
            for (int i = 0; i < candidate.FoldedAuthors.Count; i++)
            {
                if (LastWord(candidate.FoldedAuthors[i]) is { Length: > 0 } surname)
                {
                    Add(_bySurname, surname, (candidate, candidate.Paper.Authors[i], " " + candidate.FoldedAuthors[i] + " "));
                }
            }
        }
    }

    /// <summary>The list days loaded; each subscriber reads the part of it after its own last digest.</summary>
    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Count => _byId.Count;

    /// <summary>The trending list of the run, best first.</summary>
    public IReadOnlyList<DigestCandidate> Trending { get; }

    public IReadOnlyList<DigestCandidate> InCategory(string category) =>
        _byCategory.TryGetValue(category, out var list) ? list : [];

    /// <summary>
    /// Papers with an author whose folded name holds <paramref name="authorKey"/> as whole words ("jane doe"
    /// matches "Mary Jane Doe", as the author page does), with the name as the paper writes it.
    /// </summary>
    public IEnumerable<(DigestCandidate Candidate, string Author)> ByAuthor(string authorKey)
    {
        ArgumentNullException.ThrowIfNull(authorKey);
        if (!_bySurname.TryGetValue(LastWord(authorKey), out var list))
        {
            yield break;
        }
        string needle = " " + authorKey + " ";
        foreach (var (candidate, author, folded) in list)
        {
            if (folded.Contains(needle, StringComparison.Ordinal))
            {
                yield return (candidate, author);
            }
        }
    }

    /// <summary>
    /// The window's papers a saved search matches, best first: one search over the whole index, filtered to
    /// the window's first-version dates, the first time any subscriber asks; the answer is kept for the run.
    /// </summary>
    public IReadOnlyList<(DigestCandidate Candidate, float Score)> ForQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_queries)
        {
            if (_queries.TryGetValue(query, out var known))
            {
                return known;
            }
        }
        string filtered = string.Create(CultureInfo.InvariantCulture, $"{query} date:{From:yyyy-MM-dd}..{To:yyyy-MM-dd}");
        var hits = _index.Search(new SearchRequest(filtered) { Limit = _maxQueryMatches, Highlight = false }).Hits;
        var matches = hits
            .Where(h => _byId.ContainsKey(h.Key))
            .Select(h => (_byId[h.Key], h.Score))
            .ToList();
        lock (_queries)
        {
            _queries[query] = matches;
        }
        return matches;
    }

    public bool TryGet(string id, out DigestCandidate candidate) => _byId.TryGetValue(id, out candidate!);

    private static string LastWord(string folded)
    {
        int space = folded.LastIndexOf(' ');
        return space < 0 ? folded : folded[(space + 1)..];
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }
}
