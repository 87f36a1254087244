namespace Paperboy.Search.Indexing;

/// <summary>
/// One field of a segment: its term dictionary, one blob with every term's block postings and one
/// with their positions (<see cref="PostingsFormat"/>), and the length (indexed token count) of the
/// field in every document, which BM25F normalises by. Lengths are kept exact, not quantised to a
/// byte as Lucene's norms are, so scores do not depend on how a segment was stored.
/// </summary>
internal sealed class FieldIndex
{
    public FieldIndex(TermDictionary terms, byte[] postings, byte[] positions, int[] lengths)
    {
        Terms = terms;
        PostingsData = postings;
        PositionsData = positions;
        Lengths = lengths;
        long total = 0;
        ByteLengths = new byte[lengths.Length];
        for (var doc = 0; doc < lengths.Length; doc++)
        {
            total += lengths[doc];
            ByteLengths[doc] = (byte)Math.Min(lengths[doc], LongLength);
        }
        TotalLength = total;
        AverageLength = lengths.Length == 0 ? 0 : (double)total / lengths.Length;
    }

    /// <summary>The sum of the field's lengths over every document of the segment.</summary>
    public long TotalLength { get; }

    public TermDictionary Terms { get; }
    public byte[] PostingsData { get; }
    public byte[] PositionsData { get; }
    public int[] Lengths { get; }

    /// <summary>A byte that marks a length of <see cref="LongLength"/> or more in <see cref="ByteLengths"/>.</summary>
    public const byte LongLength = byte.MaxValue;

    /// <summary>
    /// Each length in a byte, <see cref="LongLength"/> for the rare longer field (read <see cref="Lengths"/>
    /// then): scoring a long postings list reads one length per posting, and a quarter of the bytes stay
    /// in the processor's caches where 4-byte lengths of millions of documents would not.
    /// </summary>
    public byte[] ByteLengths { get; }
    public double AverageLength { get; }

    /// <summary>Terms, postings and positions, in bytes: the inverted index without field lengths.</summary>
    public long InvertedIndexBytes => Terms.SizeInBytes + PostingsData.Length + PositionsData.Length;

    /// <summary>The postings of a term, or null when no document of the segment has it in this field.</summary>
    public Postings? Find(string term)
    {
        var ordinal = Terms.Find(term);
        return ordinal < 0 ? null : PostingsAt(ordinal);
    }

    public Postings PostingsAt(int ordinal) =>
        new(PostingsData, Terms.PostingsStarts[ordinal], PositionsData, Terms.PositionsStarts[ordinal]);
}
