namespace Paperboy.Search.Storage;

/// <summary>Another writer (in this process or another one) holds the index directory.</summary>
public sealed class IndexLockedException(string directory)
    : Exception($"search index: {directory} is being written by another process; it can still be searched")
{
    public string Directory { get; } = directory;
}
