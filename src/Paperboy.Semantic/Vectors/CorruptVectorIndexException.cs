namespace Paperboy.Semantic.Vectors;

/// <summary>
/// A vector index file that is damaged, truncated, missing or from another format version. The
/// message names the file; the index refuses to serve it rather than answer from half of it.
/// </summary>
public sealed class CorruptVectorIndexException : IOException
{
    public CorruptVectorIndexException(string path, string problem, Exception? inner = null)
        : base($"vector index: {path} is corrupt: {problem}", inner)
    {
        FilePath = path;
    }

    public string FilePath { get; }
}
