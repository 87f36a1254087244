namespace Paperboy.Semantic.Vectors;

/// <summary>Another writer (in this or another process) holds the directory's write lock.</summary>
public sealed class VectorIndexLockedException : IOException
{
    public VectorIndexLockedException(string directory)
        : base($"vector index: {directory} is locked by another writer")
    {
    }
}
