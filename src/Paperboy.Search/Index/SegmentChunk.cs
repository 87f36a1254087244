using Paperboy.Search.Analysis;

namespace Paperboy.Search.Indexing;

/// <summary>
/// The postings of a contiguous run of documents, analyzed on one thread with its own term ids.
/// <see cref="SegmentWriter"/> analyzes chunks in parallel and concatenates them in doc-id order,
/// so the segment does not depend on how the documents were split.
/// </summary>
internal sealed class SegmentChunk
{
    private SegmentChunk(int firstDoc, TermInterner english, TermInterner names, PostingsWriter[] fields)
    {
        FirstDoc = firstDoc;
        English = english;
        Names = names;
        Fields = fields;
    }

    public int FirstDoc { get; }

    /// <summary>Term ids of the title and abstract fields (one analyzer, one id space).</summary>
    public TermInterner English { get; }

    public TermInterner Names { get; }

    /// <summary>Indexed by <see cref="Field"/>; doc ids are relative to <see cref="FirstDoc"/>.</summary>
    public PostingsWriter[] Fields { get; }

    public TermInterner InternerFor(Field field) => field == Field.Authors ? Names : English;

    /// <summary>Analyzes documents [first, end) and fills their field lengths.</summary>
    public static SegmentChunk Write(IReadOnlyList<SearchDocument> documents, int first, int end, int[][] lengths)
    {
        var chunk = new SegmentChunk(first, new TermInterner(Analyzer.English), new TermInterner(Analyzer.Names),
            [new PostingsWriter(), new PostingsWriter(), new PostingsWriter()]);
        var tokens = new List<Token>();
        for (var doc = first; doc < end; doc++)
        {
            var d = documents[doc];
            var local = doc - first;
            var title = chunk.Fields[(int)Field.Title];
            AddText(d.Title ?? "", 0, chunk.English, title, tokens);
            lengths[(int)Field.Title][doc] = title.EndDocument(local);
            var abs = chunk.Fields[(int)Field.Abstract];
            AddText(d.Abstract ?? "", 0, chunk.English, abs, tokens);
            lengths[(int)Field.Abstract][doc] = abs.EndDocument(local);
            var authors = chunk.Fields[(int)Field.Authors];
            var nextPosition = 0;
            foreach (var author in d.Authors ?? [])
            {
                var last = AddText(author ?? "", nextPosition, chunk.Names, authors, tokens);
                nextPosition = (last < 0 ? nextPosition : last + 1) + Indexing.Fields.AuthorPositionGap;
            }
            lengths[(int)Field.Authors][doc] = authors.EndDocument(local);
        }
        return chunk;
    }

    // Returns the position of the last term added, or -1 if none was.
    private static int AddText(string text, int firstPosition, TermInterner interner, PostingsWriter field, List<Token> tokens)
    {
        Tokenizer.Tokenize(text, tokens);
        var last = -1;
        foreach (var token in tokens)
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
}
