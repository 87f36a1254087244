using System.Text;
using Paperboy.Search.Analysis;

namespace Paperboy.Search.Indexing;

/// <summary>
/// Words to term ids for one analyzer while a segment is written. Word frequencies are Zipfian,
/// so nearly every word of a new paper has been seen before: a cache from the word's folded form
/// (or, for a non-ASCII word, the word itself, which never equals an ASCII key) to its term id
/// skips stop-word lookup, stemming and every string allocation, and is read through a span
/// lookup so a hit allocates nothing. A miss runs <see cref="Analyzer.TryNormalize"/>, so results
/// are the analyzer's by construction. Not thread-safe: each writer thread has its own.
/// </summary>
internal sealed class TermInterner
{
    public const int NoTerm = -1;

    // Bounds the cache on corpora with unbounded vocabularies (identifiers, typos, other scripts);
    // past it, new words still get their ids, through the analyzer, uncached.
    private const int MaxCachedWords = 1 << 20;

    private readonly Analyzer _analyzer;
    private readonly Dictionary<string, int> _idsByTerm = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly Dictionary<string, int> _idsByWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idsByWordSpan;

    public TermInterner(Analyzer analyzer)
    {
        _analyzer = analyzer;
        _idsByWordSpan = _idsByWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _terms.Count;

    public IReadOnlyList<string> Terms => _terms;

    /// <summary>The term id of a word as the tokenizer found it, or <see cref="NoTerm"/> for a stop word or a word that folds to nothing.</summary>
    public int Intern(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[Tokenizer.MaxTokenLength];
        var key = word.Length <= buffer.Length && Ascii.IsValid(word) ? FoldAscii(word, buffer) : word;
        if (_idsByWordSpan.TryGetValue(key, out var id))
        {
            return id;
        }
        id = _analyzer.TryNormalize(key, out var term) ? IdOf(term) : NoTerm;
        if (_idsByWord.Count < MaxCachedWords)
        {
            _idsByWord.Add(key.ToString(), id);
        }
        return id;
    }

    // TextFolder.Fold's ASCII path, into a buffer: lower case, apostrophes dropped. Folding is
    // idempotent, so the analyzer gives the folded key the same term as the word.
    private static ReadOnlySpan<char> FoldAscii(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in word)
        {
            if (c != '\'')
            {
                buffer[length++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
        }
        return buffer[..length];
    }

    private int IdOf(string term)
    {
        if (!_idsByTerm.TryGetValue(term, out var id))
        {
            id = _terms.Count;
            _idsByTerm.Add(term, id);
            _terms.Add(term);
        }
        return id;
    }
}
