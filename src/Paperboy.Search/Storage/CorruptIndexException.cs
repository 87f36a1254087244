namespace Paperboy.Search.Storage;

/// <summary>
/// An index file is damaged, truncated, of another format version, or missing: the index on disk
/// cannot be served as it is. The message names the file and what is wrong with it; the cure is
/// to rebuild the index from the store of record (<c>paperboy reindex</c>).
/// </summary>
public sealed class CorruptIndexException : Exception
{
    public CorruptIndexException(string file, string problem, Exception? inner = null)
        : base($"search index: {Path.GetFileName(file)} is unreadable: {problem}", inner)
    {
        File = file;
    }

    public string File { get; }
}
