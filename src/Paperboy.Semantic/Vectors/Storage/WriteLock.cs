namespace Paperboy.Semantic.Vectors.Storage;

/// <summary>
/// One writer per directory, across processes: <c>write.lock</c> held open without sharing, which
/// .NET maps to an advisory lock that the operating system drops when the process dies (even by
/// <c>kill -9</c>), so a crashed writer never leaves the index locked.
/// </summary>
internal sealed class WriteLock : IDisposable
{
    public const string FileName = "write.lock";

    private readonly FileStream _stream;

    private WriteLock(FileStream stream)
    {
        _stream = stream;
    }

    public static WriteLock Acquire(string directory)
    {
        try
        {
            return new WriteLock(new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new VectorIndexLockedException(directory);
        }
    }

    public void Dispose() => _stream.Dispose();
}
