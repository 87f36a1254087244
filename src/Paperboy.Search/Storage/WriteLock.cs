namespace Paperboy.Search.Storage;

/// <summary>
/// One writer per index directory, across processes: <c>write.lock</c> held open without sharing,
/// which .NET maps to an advisory lock the operating system drops when the process dies, even by
/// <c>kill -9</c>, so a crashed writer never leaves the index locked.
/// </summary>
internal sealed class WriteLock : IDisposable
{
    public const string FileName = "write.lock";

    private readonly FileStream _stream;

    private WriteLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>The lock, or null when another writer holds it.</summary>
    public static WriteLock? TryAcquire(string directory)
    {
        try
        {
            return new WriteLock(new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
