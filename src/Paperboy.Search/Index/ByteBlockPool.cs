namespace Paperboy.Search.Indexing;

/// <summary>
/// Blocks of <see cref="BlockSize"/> bytes for the postings and packed records of segments being built,
/// handed back when a segment is written so the next one reuses them. Each block is on the large object
/// heap, and a fresh one for every segment made the collector run a full collection every couple of
/// segments only to find the last segment's blocks dead. The writer drops the pool at each commit, so
/// a long-lived writer keeps no more than a commit's worth. Thread-safe.
/// </summary>
internal sealed class ByteBlockPool
{
    public const int BlockSize = 1 << 20;

    private readonly Stack<byte[]> _free = new();

    /// <summary>
    /// A builder's first new block: under the large object heap's threshold, so the few papers of a
    /// catch-up round in <c>serve</c> cost no large arrays.
    /// </summary>
    public const int FirstBlockSize = 64 * 1024;

    /// <summary>
    /// The next block for a builder whose last block was <paramref name="lastLength"/> bytes (0: none yet),
    /// of at least <paramref name="atLeast"/> bytes: a pooled block when there is one, else a new one
    /// twice the last, from <see cref="FirstBlockSize"/> up to <see cref="BlockSize"/>.
    /// </summary>
    public byte[] Next(int lastLength, int atLeast)
    {
        lock (_free)
        {
            if (_free.Count > 0 && atLeast <= BlockSize)
            {
                return _free.Pop();
            }
        }
        return Grown(lastLength, atLeast);
    }

    /// <summary>A new block as <see cref="Next"/> makes one when the pool is empty.</summary>
    public static byte[] Grown(int lastLength, int atLeast) =>
        new byte[Math.Max(atLeast, lastLength == 0 ? FirstBlockSize : Math.Min(BlockSize, lastLength * 2))];

    /// <summary>A block of <see cref="BlockSize"/> bytes, holding whatever its last user left in it.</summary>
    public byte[] Rent()
    {
        lock (_free)
        {
            return _free.Count > 0 ? _free.Pop() : new byte[BlockSize];
        }
    }

    /// <summary>Takes back the blocks of <see cref="BlockSize"/> among these; larger ones are left to the collector.</summary>
    public void Return(IEnumerable<byte[]> blocks)
    {
        lock (_free)
        {
            foreach (var block in blocks)
            {
                if (block.Length == BlockSize)
                {
                    _free.Push(block);
                }
            }
        }
    }

    public void Clear()
    {
        lock (_free)
        {
            _free.Clear();
        }
    }
}
