using System.Runtime.InteropServices;

namespace Paperboy.Search.Storage;

/// <summary>
/// Writes that survive a crash. A file is flushed to the device before anything points at it, and
/// the meta file is replaced by writing a temporary file, flushing it, renaming it over the old one
/// (atomic on POSIX file systems) and flushing the directory, so after a crash the name holds
/// either the whole old content or the whole new one. Flushing the directory makes the rename
/// itself durable; without it a power cut could bring back the old meta after the files only it
/// names were deleted. The vector index (Paperboy.Semantic) compiles this same file.
/// </summary>
internal static partial class DurableFiles
{
    private const int ReadOnly = 0;

    public const string TemporarySuffix = ".tmp";

    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var temporary = path + TemporarySuffix;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static void WriteDurably(string path, ReadOnlySpan<byte> content)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>fsync(2) on the directory, where the platform has it (.NET cannot open a directory as a file).</summary>
    public static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // NTFS journals renames itself; there is no directory handle to flush
        }
        var descriptor = Open(directory, ReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"index: unable to open directory {directory} to flush it (errno {Marshal.GetLastPInvokeError()})");
        }
        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"index: unable to flush directory {directory} (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for the string; these three calls are not hot.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
#pragma warning restore SYSLIB1054
}
