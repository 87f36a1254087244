namespace Paperboy.Search.Indexing;

/// <summary>
/// One term's postings in one field: ascending document ids, the term frequency in each, and the
/// positions of each occurrence (for phrases). Flat arrays, the shape a segment file will map.
/// </summary>
internal sealed class Postings
{
    public Postings(int[] docs, int[] freqs, int[] positionStarts, int[] positions)
    {
        Docs = docs;
        Freqs = freqs;
        PositionStarts = positionStarts;
        Positions = positions;
    }

    public int[] Docs { get; }
    public int[] Freqs { get; }

    /// <summary>Positions of the i-th posting are Positions[PositionStarts[i] .. PositionStarts[i + 1]).</summary>
    public int[] PositionStarts { get; }
    public int[] Positions { get; }

    public int DocFrequency => Docs.Length;

    public ReadOnlySpan<int> PositionsAt(int index) =>
        Positions.AsSpan(PositionStarts[index], PositionStarts[index + 1] - PositionStarts[index]);
}
