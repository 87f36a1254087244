namespace Paperboy.Search.Tests.Pruning;

/// <summary>
/// Random papers whose words follow a Zipf law (a few words in most documents, most words in few), so
/// that postings lists span several blocks and clauses' score bounds differ widely, as in real text:
/// the conditions under which MaxScore skips anything. Papers come in runs on a topic, whose words are
/// frequent during the run and rare elsewhere (as papers added by date cluster by subject), so the
/// blocks of one list have different bounds: the conditions under which block-max bounds matter.
/// Queries are disjunctions of such words and of phrases copied from the papers, with exclusions and filters.
/// </summary>
internal sealed class ZipfCorpus
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "nu", "re", "sa", "to", "vi", "zu", "pe", "qua", "dro"];
    private static readonly string[] StopWords = ["the", "of", "a", "for", "with", "and", "in"];
    private static readonly string[] Names = ["Page", "Bloom", "Rank", "Hinton", "Graph", "Lovelace", "Neural", "Turing"];
    private static readonly string[] Categories = ["cs.LG", "cs.CL", "cs.IR", "quant-ph"];

    private readonly Random _random;
    private readonly string[] _words;
    private readonly double[] _cumulative;
    private string[] _topic = [];
    private int _topicLeft;

    public ZipfCorpus(int seed, int vocabulary = 400)
    {
        _random = new Random(seed);
        _words = [.. Enumerable.Range(0, vocabulary).Select(Word)];
        _cumulative = new double[vocabulary];
        var sum = 0.0;
        for (var r = 0; r < vocabulary; r++)
        {
            sum += 1.0 / (r + 1);
            _cumulative[r] = sum;
        }
    }

    public List<SearchDocument> Documents(int count) => [.. Enumerable.Range(0, count).Select(Document)];

    /// <summary>A query of 1-6 plain words or phrases, sometimes with exclusions and filters (and now and then a required word).</summary>
    public string Query(IReadOnlyList<SearchDocument> documents)
    {
        var parts = new List<string>();
        for (var c = _random.Next(1, 7); c > 0; c--)
        {
            parts.Add(_random.Next(10) switch
            {
                < 2 => $"\"{PhraseFrom(documents)}\"",
                2 => $"title:{ZipfWord()}",
                3 => Names[_random.Next(Names.Length)].ToLowerInvariant(),
                _ => ZipfWord(),
            });
        }
        if (_random.Next(3) == 0)
        {
            parts.Add("-" + ZipfWord());
        }
        if (_random.Next(8) == 0)
        {
            parts.Add($"-\"{PhraseFrom(documents)}\"");
        }
        if (_random.Next(4) == 0)
        {
            parts.Add("cat:" + Categories[_random.Next(Categories.Length)]);
        }
        if (_random.Next(8) == 0)
        {
            parts.Add("-cat:" + Categories[_random.Next(Categories.Length)]);
        }
        if (_random.Next(5) == 0)
        {
            var from = 2000 + _random.Next(25);
            parts.Add($"year:{from}..{from + _random.Next(8)}");
        }
        if (_random.Next(12) == 0)
        {
            parts.Add("+" + ZipfWord());
        }
        _random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(parts));
        return string.Join(' ', parts);
    }

    private SearchDocument Document(int i)
    {
        if (_topicLeft-- <= 0)
        {
            _topic = [.. Enumerable.Range(0, 4).Select(_ => _words[_random.Next(10, Math.Min(200, _words.Length))])];
            _topicLeft = _random.Next(50, 600);
        }
        var authors = Enumerable.Range(0, _random.Next(0, 4)).Select(_ => $"{Names[_random.Next(Names.Length)]} {Names[_random.Next(Names.Length)]}").ToArray();
        var categories = Enumerable.Range(0, _random.Next(0, 3)).Select(_ => Categories[_random.Next(Categories.Length)]).Distinct().ToArray();
        // Abstracts from empty to long, so field lengths (and the bounds' shortest fields) vary, a few
        // past the lengths kept in a byte (255) and past the tabulated scales (1,024); now and then a word
        // said over and over, so a list's blocks have very different highest frequencies.
        var abstractText = Text(_random.Next(0, 4) == 0 ? 0 : _random.Next(60) == 0 ? _random.Next(250, 1300) : _random.Next(5, 160));
        if (_random.Next(40) == 0)
        {
            abstractText += " " + string.Join(' ', Enumerable.Repeat(ZipfWord(), _random.Next(5, 40)));
        }
        return new SearchDocument($"z{i:00000}", Text(_random.Next(1, 12)), abstractText,
            authors, categories, _random.Next(10) == 0 ? null : 2000 + _random.Next(25));
    }

    private string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => _random.Next(6) switch
    {
        0 => StopWords[_random.Next(StopWords.Length)],
        1 => _topic[_random.Next(_topic.Length)],
        _ => ZipfWord(),
    }));

    private string PhraseFrom(IReadOnlyList<SearchDocument> documents)
    {
        for (var attempt = 0; ; attempt++)
        {
            var words = documents[_random.Next(documents.Count)].Abstract.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 3 || attempt > 100)
            {
                var start = _random.Next(Math.Max(1, words.Length - 2));
                return string.Join(' ', words.Skip(start).Take(_random.Next(2, 4)).DefaultIfEmpty(ZipfWord()));
            }
        }
    }

    private string ZipfWord()
    {
        var u = _random.NextDouble() * _cumulative[^1];
        var r = Array.BinarySearch(_cumulative, u);
        return _words[Math.Min(r >= 0 ? r : ~r, _words.Length - 1)];
    }

    // Two or three syllables: pronounceable, never a stop word, distinct for each rank.
    private static string Word(int rank)
    {
        var n = Syllables.Length;
        return rank < n * n
            ? Syllables[rank / n] + Syllables[rank % n]
            : Syllables[rank / (n * n) % n] + Syllables[rank / n % n] + Syllables[rank % n] + "x";
    }
}
