namespace Paperboy.Search.Scoring;

/// <summary>
/// Documents where a term (or a phrase) occurs in one field, with how often: the per-field
/// input of a BM25F pseudo frequency.
/// </summary>
internal interface IFieldCursor
{
    int DocId { get; }
    int Freq { get; }

    /// <summary>No document of the segment has a higher <see cref="Freq"/>: with <see cref="MinFieldLength"/>, a score bound.</summary>
    int MaxFreq { get; }

    /// <summary>No document of the segment that matches has a shorter field.</summary>
    int MinFieldLength { get; }

    int NextDoc();
    int Advance(int target);

    /// <summary>Sets the bits of the documents in a window and stops on the first at or after its end (see <see cref="Scorer.AddMatches"/>).</summary>
    void AddMatches(ulong[] bits, int start, int end);
}
