using Paperboy.Search.Analysis;

namespace Paperboy.Search.Tests.Reference;

/// <summary>
/// The plain reference for the engine: no postings, no cursors. It analyzes every document,
/// then scores each one straight from the BM25F formula (Robertson &amp; Zaragoza 2009) by
/// counting occurrences, so a bug in the index, the scorers or the collector shows up as a
/// difference. Adjacent plain query words also earn the BM25TP proximity score (Rasolofo &amp; Savoy
/// 2003), counted here over every pair of positions. With feedback on, the best first-pass documents
/// give an RM3 relevance model (Lavrenko &amp; Croft 2001; Abdul-Jaleel et al. 2004) whose words re-score
/// the first pass's best FeedbackRerankDepth matches (every match at depth 0), counted here from the
/// documents' tokens; the matches past the depth follow in first-pass order. Supports what the differential test generates: plain, +required and -excluded
/// words or phrases over the default fields, and one category filter (alone, it lists the category).
/// </summary>
internal sealed class BruteForceSearch
{
    private readonly IReadOnlyList<SearchDocument> _documents;
    private readonly SearchSettings _settings;
    private readonly List<List<AnalyzedToken>>[][] _fields; // [doc][field] -> one token list per value (authors have several)
    private readonly double[] _averageLengths = new double[3];

    public BruteForceSearch(IReadOnlyList<SearchDocument> documents, SearchSettings settings)
    {
        _documents = documents;
        _settings = settings;
        _fields = [.. documents.Select(d => new[]
        {
            new List<List<AnalyzedToken>> { Analyzer.English.Analyze(d.Title) },
            new List<List<AnalyzedToken>> { Analyzer.English.Analyze(d.Abstract) },
            d.Authors.Select(a => Analyzer.Names.Analyze(a)).ToList(),
        })];
        for (var f = 0; f < 3; f++)
        {
            _averageLengths[f] = documents.Count == 0 ? 0 : _fields.Average(doc => Length(doc[f]));
        }
    }

    public sealed record Clause(char Occur, string Text); // Occur: ' ', '+' or '-'

    public List<(string Key, double Score)> Search(IReadOnlyList<Clause> clauses, string? category, out int total) =>
        Search(clauses, category, out total, out _);

    /// <param name="ambiguous">
    /// True when feedback had to choose between documents or words whose weights tie within rounding:
    /// the engine, adding in another order, may rightly choose the other one.
    /// </param>
    public List<(string Key, double Score)> Search(IReadOnlyList<Clause> clauses, string? category, out int total, out bool ambiguous)
    {
        ambiguous = false;
        var n = _documents.Count;
        // freq[clause][doc][field]
        var freqs = clauses.Select(c => Enumerable.Range(0, n).Select(d => FieldFrequencies(c.Text, d)).ToArray()).ToArray();
        var idfs = clauses.Select((c, i) => Idf(DocumentFrequency(c.Text, freqs[i]))).ToArray();

        var results = new List<(int Doc, double Score)>();
        for (var doc = 0; doc < n; doc++)
        {
            if (category is not null && !_documents[doc].Categories.Any(c => c.Equals(category, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var matches = clauses.Select((c, i) => freqs[i][doc].Any(x => x > 0)).ToArray();
            var required = clauses.Select((c, i) => c.Occur == '+' ? i : -1).Where(i => i >= 0).ToArray();
            var optional = clauses.Select((c, i) => c.Occur == ' ' ? i : -1).Where(i => i >= 0).ToArray();
            var excluded = clauses.Select((c, i) => c.Occur == '-' ? i : -1).Where(i => i >= 0).ToArray();
            if (required.Any(i => !matches[i]) || excluded.Any(i => matches[i]))
            {
                continue;
            }
            var filterOnly = required.Length == 0 && optional.Length == 0;
            if (filterOnly ? category is null : required.Length == 0 && !optional.Any(i => matches[i]))
            {
                continue; // with no positive word, only a filter can select documents
            }
            var score = 0.0;
            foreach (var i in required.Concat(optional).Order())
            {
                if (matches[i])
                {
                    score += idfs[i] * Saturate(PseudoFrequency([.. freqs[i][doc].Select(x => (double)x)], doc));
                }
            }
            score += ProximityScore(clauses, doc);
            results.Add((doc, score));
        }
        total = results.Count;
        var queryWords = clauses.Count(c => c.Occur != '-');
        if (_settings.FeedbackDocs > 0 && queryWords > 0 && results.Count > 0)
        {
            return [.. Feedback(results, queryWords, out ambiguous).Select(r => (_documents[r.Doc].Key, r.Score))];
        }
        if (queryWords == 0)
        {
            // Filter-only results are listed newest first, then by key.
            return [.. results.Select(r => _documents[r.Doc]).OrderByDescending(d => d.Year ?? int.MinValue)
                .ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => (d.Key, 0.0))];
        }
        return [.. results.OrderByDescending(r => r.Score).ThenBy(r => r.Doc).Select(r => (_documents[r.Doc].Key, r.Score))];
    }

    // RM3: P(w|R) = sum over the best documents of score(d)/sum of scores * tf(w,d)/|d| over title and
    // abstract tokens, the top words renormalised; then lambda * score + (1 - lambda) * |Q| * sum of
    // P(w|R) * bm25f(w) over title and abstract, for the best FeedbackRerankDepth documents of the first
    // pass (all at 0), sorted again; the rest follow in first-pass order, scored lambda * score. Returns
    // the final order.
    private List<(int Doc, double Score)> Feedback(List<(int Doc, double Score)> results, int queryWords, out bool ambiguous)
    {
        static bool Near(double x, double y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x));
        var ranked = results.OrderByDescending(r => r.Score).ThenBy(r => r.Doc).ToList();
        var k = Math.Min(_settings.FeedbackDocs, ranked.Count);
        ambiguous = k < ranked.Count && Near(ranked[k - 1].Score, ranked[k].Score);
        var feedback = ranked.Take(k).ToList();
        var depth = _settings.FeedbackRerankDepth == 0 ? ranked.Count : Math.Min(_settings.FeedbackRerankDepth, ranked.Count);
        ambiguous |= depth < ranked.Count && Near(ranked[depth - 1].Score, ranked[depth].Score);
        var scoreSum = feedback.Sum(f => f.Score);

        var model = new Dictionary<string, double>();
        foreach (var (doc, score) in feedback)
        {
            var terms = _fields[doc][0][0].Concat(_fields[doc][1][0]).Select(t => t.Term).ToList();
            foreach (var group in terms.GroupBy(t => t))
            {
                model[group.Key] = model.GetValueOrDefault(group.Key) + (score / scoreSum / terms.Count * group.Count());
            }
        }
        var byWeight = model.OrderByDescending(m => m.Value).ThenBy(m => m.Key, StringComparer.Ordinal).ToList();
        var kept = byWeight.Take(_settings.FeedbackTerms).ToList();
        ambiguous |= kept.Count < byWeight.Count && Near(kept[^1].Value, byWeight[kept.Count].Value);
        var keptSum = kept.Sum(m => m.Value);

        var n = _documents.Count;
        var rescored = new List<(int Doc, double Score)>();
        foreach (var (doc, score) in ranked.Take(depth))
        {
            var total = _settings.FeedbackOriginalWeight * score;
            foreach (var (term, weight) in kept)
            {
                double[] freq = [_fields[doc][0][0].Count(t => t.Term == term), _fields[doc][1][0].Count(t => t.Term == term), 0];
                if (freq[0] + freq[1] > 0)
                {
                    var df = Enumerable.Range(0, n).Count(d => _fields[d][0][0].Concat(_fields[d][1][0]).Any(t => t.Term == term));
                    var idf = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
                    var boost = (1 - _settings.FeedbackOriginalWeight) * queryWords * (weight / keptSum);
                    total += boost * idf * Saturate(PseudoFrequency(freq, doc));
                }
            }
            rescored.Add((doc, total));
        }
        return [.. rescored.OrderByDescending(r => r.Score).ThenBy(r => r.Doc),
            .. ranked.Skip(depth).Select(r => (r.Doc, _settings.FeedbackOriginalWeight * r.Score))];
    }

    // Consecutive positive unquoted words with one term each; a pair earns, per prose field, the sum of
    // 1/d^2 over its occurrences within the window, weighted and normalised like a frequency.
    private double ProximityScore(IReadOnlyList<Clause> clauses, int doc)
    {
        if (_settings.ProximityWeight <= 0)
        {
            return 0;
        }
        var words = clauses
            .Where(c => c.Occur != '-' && !c.Text.Contains(' '))
            .Select(c => (c.Text, Tokens: Analyzer.English.Analyze(c.Text)))
            .Where(w => w.Tokens.Count == 1)
            .Select(w => (w.Text, w.Tokens[0].Term))
            .ToList();
        var score = 0.0;
        for (var i = 1; i < words.Count; i++)
        {
            var ((aText, a), (bText, b)) = (words[i - 1], words[i]);
            if (a == b)
            {
                continue;
            }
            var acc = new double[3];
            for (var f = 0; f < 2; f++)
            {
                var tokens = _fields[doc][f][0];
                foreach (var x in tokens.Where(t => t.Term == a))
                {
                    foreach (var y in tokens.Where(t => t.Term == b))
                    {
                        var d = Math.Abs(x.Position - y.Position);
                        acc[f] += d <= _settings.ProximityWindow ? 1.0 / (d * d) : 0;
                    }
                }
            }
            var pseudo = PseudoFrequency(acc, doc);
            if (pseudo > 0)
            {
                score += _settings.ProximityWeight * Math.Min(WordIdf(aText), WordIdf(bText)) * Saturate(pseudo);
            }
        }
        return score;
    }

    private double WordIdf(string word) =>
        Idf(DocumentFrequency(word, [.. Enumerable.Range(0, _documents.Count).Select(d => FieldFrequencies(word, d))]));

    private double Idf(int df)
    {
        var n = _documents.Count;
        return Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
    }

    // A word (one term in each field that has any) counts the documents of its most frequent field;
    // a phrase counts the documents holding it in any field.
    private static int DocumentFrequency(string text, int[][] perDoc)
    {
        var isWord = new[] { Analyzer.English, Analyzer.English, Analyzer.Names }
            .Select(a => a.Analyze(text).Count).All(count => count <= 1);
        return isWord
            ? Enumerable.Range(0, 3).Max(f => perDoc.Count(freq => freq[f] > 0))
            : perDoc.Count(freq => freq.Any(x => x > 0));
    }

    private double Saturate(double tf) => tf <= 0 ? 0 : tf / (_settings.K1 + tf);

    private double PseudoFrequency(IReadOnlyList<double> freq, int doc)
    {
        double[] weights = [_settings.TitleWeight, _settings.AbstractWeight, _settings.AuthorsWeight];
        double[] bs = [_settings.TitleB, _settings.AbstractB, _settings.AuthorsB];
        var tf = 0.0;
        for (var f = 0; f < 3; f++)
        {
            if (freq[f] > 0)
            {
                var norm = 1 - bs[f] + (bs[f] * Length(_fields[doc][f]) / _averageLengths[f]);
                tf += weights[f] * freq[f] / norm;
            }
        }
        return tf;
    }

    // How often the text (a word, or several words at their relative positions) occurs per field.
    private int[] FieldFrequencies(string text, int doc)
    {
        var result = new int[3];
        for (var f = 0; f < 3; f++)
        {
            var query = (f == 2 ? Analyzer.Names : Analyzer.English).Analyze(text);
            if (query.Count == 0)
            {
                continue;
            }
            foreach (var value in _fields[doc][f])
            {
                var at = value.ToDictionary(t => t.Position, t => t.Term);
                foreach (var start in value)
                {
                    var origin = start.Position;
                    if (query.All(q => at.TryGetValue(origin + q.Position - query[0].Position, out var term) && term == q.Term))
                    {
                        result[f]++;
                    }
                }
            }
        }
        return result;
    }

    private static int Length(List<List<AnalyzedToken>> values) => values.Sum(v => v.Count);
}
