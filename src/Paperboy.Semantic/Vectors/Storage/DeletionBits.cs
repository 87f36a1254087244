using System.Numerics;

namespace Paperboy.Semantic.Vectors.Storage;

/// <summary>
/// Which vectors of one segment are deleted (replaced or removed by a later commit), one bit each.
/// Immutable: a commit that deletes more makes a copy, so snapshots that hold the old bits keep them.
/// </summary>
internal sealed class DeletionBits
{
    private readonly ulong[] _words;

    private DeletionBits(ulong[] words, int count)
    {
        _words = words;
        Count = count;
    }

    /// <summary>How many bits are set.</summary>
    public int Count { get; }

    public ReadOnlySpan<ulong> Words => _words;

    public static DeletionBits None(int segmentSize) => new(new ulong[WordsFor(segmentSize)], 0);

    public static DeletionBits FromWords(ulong[] words)
    {
        var count = 0;
        foreach (var word in words)
        {
            count += BitOperations.PopCount(word);
        }
        return new DeletionBits(words, count);
    }

    public static int WordsFor(int segmentSize) => (segmentSize + 63) / 64;

    public bool IsDeleted(int ordinal) => (_words[ordinal >> 6] & (1UL << ordinal)) != 0;

    public DeletionBits With(IEnumerable<int> ordinals)
    {
        var words = (ulong[])_words.Clone();
        foreach (var ordinal in ordinals)
        {
            words[ordinal >> 6] |= 1UL << ordinal;
        }
        return FromWords(words);
    }
}
