namespace Paperboy.Search.Indexing;

/// <summary>
/// Collects terms, in order, with their postings, into the arrays of a <see cref="FieldIndex"/>.
/// A writer may hold a contiguous run of a field's terms: <see cref="Build"/> joins runs written in
/// parallel, in order, shifting their offsets, so the result does not depend on the split.
/// </summary>
internal sealed class FieldWriter
{
    private readonly ByteBuffer _termBytes = new(1 << 12);
    private readonly ByteBuffer _postings;
    private readonly ByteBuffer _positions;
    private readonly List<int> _termStarts = [0];
    private readonly List<int> _postingsStarts = [0];
    private readonly List<int> _positionsStarts = [0];

    /// <param name="postingsCapacity">The postings bytes expected, to start the buffer at.</param>
    /// <param name="positionsCapacity">The positions bytes expected.</param>
    public FieldWriter(int postingsCapacity = 1 << 16, int positionsCapacity = 1 << 16)
    {
        _postings = new ByteBuffer(postingsCapacity);
        _positions = new ByteBuffer(positionsCapacity);
        Encoder = new PostingsEncoder(_postings, _positions);
    }

    /// <summary>Takes the current term's postings; <see cref="FinishTerm"/> ends the term.</summary>
    public PostingsEncoder Encoder { get; }

    public int TermCount => _termStarts.Count - 1;

    /// <summary>Ends the term whose postings the encoder was given; a term without postings is dropped (returns false).</summary>
    public bool FinishTerm(ReadOnlySpan<byte> term)
    {
        if (Encoder.FinishTerm() == 0)
        {
            return false;
        }
        _termBytes.Write(term);
        _termStarts.Add(_termBytes.Length);
        _postingsStarts.Add(_postings.Length);
        _positionsStarts.Add(_positions.Length);
        return true;
    }

    /// <summary>The field index of the runs' terms in the order given, which must be the terms' order.</summary>
    public static FieldIndex Build(IReadOnlyList<FieldWriter> runs, int[] lengths)
    {
        long termBytes = 0, postings = 0, positions = 0;
        var terms = 0;
        foreach (var run in runs)
        {
            termBytes += run._termBytes.Length;
            postings += run._postings.Length;
            positions += run._positions.Length;
            terms += run.TermCount;
        }
        if (Math.Max(termBytes, Math.Max(postings, positions)) > Array.MaxLength)
        {
            throw new InvalidOperationException("search index: a field of one segment holds more than 2 GB of postings; build smaller segments");
        }

        var dictionary = new TermDictionary(new byte[termBytes], new int[terms + 1], new int[terms + 1], new int[terms + 1]);
        var postingsData = new byte[postings];
        var positionsData = new byte[positions];
        int term = 0, termBase = 0, postingsBase = 0, positionsBase = 0;
        foreach (var run in runs)
        {
            run._termBytes.WrittenSpan.CopyTo(dictionary.Bytes.AsSpan(termBase));
            run._postings.WrittenSpan.CopyTo(postingsData.AsSpan(postingsBase));
            run._positions.WrittenSpan.CopyTo(positionsData.AsSpan(positionsBase));
            for (var i = 1; i <= run.TermCount; i++)
            {
                dictionary.Starts[term + i] = termBase + run._termStarts[i];
                dictionary.PostingsStarts[term + i] = postingsBase + run._postingsStarts[i];
                dictionary.PositionsStarts[term + i] = positionsBase + run._positionsStarts[i];
            }
            term += run.TermCount;
            termBase += run._termBytes.Length;
            postingsBase += run._postings.Length;
            positionsBase += run._positions.Length;
        }
        return new FieldIndex(dictionary, postingsData, positionsData, lengths);
    }
}
