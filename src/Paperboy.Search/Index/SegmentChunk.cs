using System.Text;
using Paperboy.Search.Analysis;

namespace Paperboy.Search.Indexing;

/// <summary>
/// The postings of a contiguous run of documents, analyzed on one thread with its own term ids, one
/// document at a time as they come. <see cref="SegmentWriter"/> analyzes chunks in parallel and
/// concatenates them in doc-id order, so the segment does not depend on how the documents were split;
/// the index writer fills one chunk as documents are added (<see cref="SegmentBuilder"/>).
/// </summary>
internal sealed class SegmentChunk
{
    private readonly List<Token> _tokens = [];
    private readonly int[][] _lengths = [new int[256], new int[256], new int[256]];

    /// <param name="pool">Where the postings' blocks come from; blocks of the chunk's own when null.</param>
    public SegmentChunk(int firstDoc, ByteBlockPool? pool = null)
    {
        FirstDoc = firstDoc;
        Fields = [new PostingsWriter(pool), new PostingsWriter(pool), new PostingsWriter(pool)];
    }

    public int FirstDoc { get; }

    /// <summary>The documents analyzed so far.</summary>
    public int Count { get; private set; }

    /// <summary>Term ids of the title and abstract fields (one analyzer, one id space).</summary>
    public TermInterner English { get; } = new(Analyzer.English);

    public TermInterner Names { get; } = new(Analyzer.Names);

    /// <summary>Indexed by <see cref="Field"/>; doc ids are relative to <see cref="FirstDoc"/>.</summary>
    public PostingsWriter[] Fields { get; }

    public TermInterner InternerFor(Field field) => field == Field.Authors ? Names : English;

    /// <summary>The field's length (terms indexed) of each document analyzed, in order.</summary>
    public ReadOnlySpan<int> Lengths(Field field) => _lengths[(int)field].AsSpan(0, Count);

    /// <summary>Analyzes documents [first, end) into a new chunk.</summary>
    public static SegmentChunk Write(IReadOnlyList<SearchDocument> documents, int first, int end)
    {
        var chunk = new SegmentChunk(first);
        for (var doc = first; doc < end; doc++)
        {
            chunk.Add(documents[doc]);
        }
        return chunk;
    }

    /// <summary>Analyzes the next document.</summary>
    public void Add(SearchDocument document)
    {
        var local = Count;
        if (local == _lengths[0].Length)
        {
            for (var f = 0; f < _lengths.Length; f++)
            {
                Array.Resize(ref _lengths[f], local * 2);
            }
        }
        var title = Fields[(int)Field.Title];
        AddText(document.Title ?? "", 0, English, title);
        _lengths[(int)Field.Title][local] = title.EndDocument(local);
        var abs = Fields[(int)Field.Abstract];
        AddText(document.Abstract ?? "", 0, English, abs);
        _lengths[(int)Field.Abstract][local] = abs.EndDocument(local);
        var authors = Fields[(int)Field.Authors];
        var nextPosition = 0;
        foreach (var author in document.Authors ?? [])
        {
            var last = AddText(author ?? "", nextPosition, Names, authors);
            nextPosition = (last < 0 ? nextPosition : last + 1) + Indexing.Fields.AuthorPositionGap;
        }
        _lengths[(int)Field.Authors][local] = authors.EndDocument(local);
        Count++;
    }

    // Returns the position of the last term added, or -1 if none was.
    private int AddText(string text, int firstPosition, TermInterner interner, PostingsWriter field)
    {
        if (Ascii.IsValid(text))
        {
            return AddAsciiText(text, firstPosition, interner, field);
        }
        Tokenizer.Tokenize(text, _tokens);
        var last = -1;
        foreach (var token in _tokens)
        {
            var id = interner.Intern(text.AsSpan(token.Start, token.Length));
            if (id != TermInterner.NoTerm)
            {
                last = firstPosition + token.Position;
                field.Add(id, last);
            }
        }
        return last;
    }

    // AddText for text that is all ASCII (most titles and abstracts), in one pass: each word is found
    // as Tokenizer finds it (runs of letters and digits, an apostrophe between two letters kept, words
    // over MaxTokenLength skipped without a position) and folded and hashed as the interner would,
    // on the way, so its characters are read once and no token list is made. The tests check that it
    // indexes exactly what the tokenizer's path does.
    private static int AddAsciiText(string text, int firstPosition, TermInterner interner, PostingsWriter field)
    {
        Span<char> key = stackalloc char[Tokenizer.MaxTokenLength];
        var last = -1;
        var position = 0;
        var start = -1;
        var length = 0;
        var hash = TermInterner.HashStart;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (start < 0)
                {
                    (start, length, hash) = (i, 0, TermInterner.HashStart);
                }
                if (length < key.Length)
                {
                    var folded = char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c;
                    key[length++] = folded;
                    hash = TermInterner.HashStep(hash, folded);
                }
                continue;
            }
            if (start < 0)
            {
                continue;
            }
            if (c == '\'' && char.IsAsciiLetter(text[i - 1]) && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))
            {
                continue; // inside the word, and folded away
            }
            if (i - start <= Tokenizer.MaxTokenLength)
            {
                var id = interner.InternFolded(key[..length], TermInterner.HashEnd(hash));
                if (id != TermInterner.NoTerm)
                {
                    last = firstPosition + position;
                    field.Add(id, last);
                }
                position++;
            }
            start = -1;
        }
        return last;
    }
}
