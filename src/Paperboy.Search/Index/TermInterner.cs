using Paperboy.Search.Analysis;

namespace Paperboy.Search.Indexing;

/// <summary>
/// Words to term ids for one analyzer while a segment is written. Word frequencies are Zipfian,
/// so nearly every word of a new paper has been seen before: a cache from the word's folded form
/// (or, for a non-ASCII word, the word itself, which never equals an ASCII key) to its term id
/// skips stop-word lookup, stemming and every string allocation, and is read with the word's span
/// so a hit allocates nothing. A miss runs <see cref="Analyzer.TryNormalize"/>, so results
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

    // The cache: open addressing with linear probing over a power-of-two table at most half full. Every
    // word of every document comes here, so a hit must cost little: it reads a slot (the key's hash and
    // its place in one shared character pool, 8 bytes, so the table of a 40,000-word vocabulary fits in
    // a core's 1 MB cache) and the pool, where the key's length and term id sit just before its
    // characters. The pool is in order of first sight, so the common words' entries lie together.
    private Slot[] _slots = new Slot[1 << 12];
    private char[] _pool = new char[1 << 15];
    private int _poolLength;
    private int _cached;

    public TermInterner(Analyzer analyzer)
    {
        _analyzer = analyzer;
    }

    public int Count => _terms.Count;

    public IReadOnlyList<string> Terms => _terms;

    /// <summary>The term id of a word as the tokenizer found it, or <see cref="NoTerm"/> for a stop word or a word that folds to nothing.</summary>
    public int Intern(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[Tokenizer.MaxTokenLength];
        var folded = word.Length <= buffer.Length ? FoldAscii(word, buffer) : -1;
        ReadOnlySpan<char> key = folded >= 0 ? buffer[..folded] : word;
        return InternKey(key, Hash(key));
    }

    /// <summary>
    /// <see cref="Intern"/> for a word already folded as <see cref="FoldAscii"/> folds it (ASCII, lower
    /// case, no apostrophes), with its <see cref="Hash"/> (the same as <see cref="HashStep"/> from
    /// <see cref="HashStart"/> over its characters, then <see cref="HashEnd"/>), for a caller that folds
    /// and hashes while it tokenizes.
    /// </summary>
    public int InternFolded(ReadOnlySpan<char> key, uint hash) => InternKey(key, hash);

    public const uint HashStart = OffsetBasis;

    public static uint HashStep(uint hash, char c) => (hash ^ c) * Prime;

    public static uint HashEnd(uint hash) => Mix(hash);

    private int InternKey(ReadOnlySpan<char> key, uint hash)
    {
        var mask = _slots.Length - 1;
        for (var i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot.Entry == 0)
            {
                break;
            }
            var at = slot.Entry - 1;
            if (slot.Hash == hash && _pool[at] == key.Length && _pool.AsSpan(at + EntryHeader, key.Length).SequenceEqual(key))
            {
                return _pool[at + 1] | (_pool[at + 2] << 16);
            }
        }
        var id = _analyzer.TryNormalize(key, out var term) ? IdOf(term) : NoTerm;
        if (_cached < MaxCachedWords && key.Length <= char.MaxValue)
        {
            Cache(key, hash, id);
        }
        return id;
    }

    // TextFolder.Fold's ASCII path, into a buffer: lower case, apostrophes dropped; the folded length,
    // or -1 for a word that is not ASCII. Folding is idempotent, so the analyzer gives the folded key
    // the same term as the word; a word that is not ASCII is its own key, which never equals an ASCII one.
    private static int FoldAscii(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in word)
        {
            if (c > 0x7F)
            {
                return -1;
            }
            if (c != '\'')
            {
                buffer[length++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
        }
        return length;
    }

    // FNV-1a over the characters, with a final mix so the table's low bits depend on every character.
    private static uint Hash(ReadOnlySpan<char> key)
    {
        var hash = HashStart;
        foreach (var c in key)
        {
            hash = HashStep(hash, c);
        }
        return HashEnd(hash);
    }

    private const uint OffsetBasis = 2166136261u;
    private const uint Prime = 16777619u;

    private static uint Mix(uint hash) => hash ^ (hash >> 15);

    // An entry in the pool: the key's length, the term id's low and high halves, then the key.
    private const int EntryHeader = 3;

    private void Cache(ReadOnlySpan<char> key, uint hash, int id)
    {
        if ((_cached + 1) * 2 > _slots.Length)
        {
            Grow();
        }
        var size = EntryHeader + key.Length;
        if (_poolLength + size > _pool.Length)
        {
            Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolLength + size));
        }
        _pool[_poolLength] = (char)key.Length;
        _pool[_poolLength + 1] = (char)(id & 0xFFFF);
        _pool[_poolLength + 2] = (char)(id >>> 16);
        key.CopyTo(_pool.AsSpan(_poolLength + EntryHeader));
        Place(_slots, new Slot(hash, _poolLength + 1));
        _poolLength += size;
        _cached++;
    }

    private void Grow()
    {
        var slots = new Slot[_slots.Length * 2];
        foreach (var slot in _slots)
        {
            if (slot.Entry != 0)
            {
                Place(slots, slot);
            }
        }
        _slots = slots;
    }

    private static void Place(Slot[] slots, Slot slot)
    {
        var mask = slots.Length - 1;
        var i = (int)slot.Hash & mask;
        while (slots[i].Entry != 0)
        {
            i = (i + 1) & mask;
        }
        slots[i] = slot;
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

    /// <param name="Entry">Where the key's entry starts in the pool, plus one, so 0 marks an empty slot.</param>
    private readonly record struct Slot(uint Hash, int Entry);
}
