using Paperboy.Search.Indexing;

namespace Paperboy.Search.Storage;

/// <summary>
/// A segment on disk: two files named after it, <c>name.pbi</c> (<see cref="SegmentIndexFile"/>: what
/// searches read, loaded whole) and <c>name.pbd</c> (<see cref="DocumentsFile"/>: the stored documents,
/// read a record at a time). Both end in a footer with the format version and a CRC-32C
/// (<see cref="IndexFileFormat"/>). Writing does not publish anything: the caller makes a segment part
/// of the index by replacing its meta file after <see cref="Write"/> returns, so a crash mid-write
/// leaves files no meta file names.
/// </summary>
internal static class SegmentFiles
{
    /// <summary>
    /// Writes the segment's two files under their final names (replacing any left by an earlier
    /// attempt), each flushed to the disk, and returns their names. The directory entries themselves
    /// are made durable by the caller's meta file commit.
    /// </summary>
    public static IReadOnlyList<string> Write(Segment segment, string directory, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var (index, documents) = FileNames(name);
        DocumentsFile.Write(segment.StoredDocuments, Path.Combine(directory, documents), cancellationToken);
        SegmentIndexFile.Write(segment, Path.Combine(directory, index), cancellationToken);
        return [index, documents];
    }

    /// <summary>
    /// <see cref="Write"/>, then the segment as it is on disk: its field indexes, values and keys are
    /// the arrays the .pbi was written from (a writer that read them back made a second copy of every
    /// one, large arrays the collector then had to reclaim), its stored documents are read from the
    /// .pbd as <see cref="Open"/> reads them. The caller disposes of the result; the stored documents
    /// of <paramref name="segment"/> are no longer read, so their memory may be reused.
    /// </summary>
    public static Segment WriteAndOpen(Segment segment, string directory, string name, CancellationToken cancellationToken = default)
    {
        Write(segment, directory, name, cancellationToken);
        var (_, documents) = FileNames(name);
        return segment.WithDocuments(DocumentsFileReader.Open(Path.Combine(directory, documents), segment.DocCount, cancellationToken));
    }

    /// <summary>
    /// Opens a segment written by <see cref="Write"/>: the .pbi is read into memory, the .pbd verified
    /// and kept open (dispose the segment to close it). Throws <see cref="CorruptIndexException"/> for a
    /// missing, truncated, damaged or other-version file.
    /// </summary>
    public static Segment Open(string directory, string name, CancellationToken cancellationToken = default)
    {
        var (index, documents) = FileNames(name);
        var (fields, values, keys) = SegmentIndexFile.Read(Path.Combine(directory, index), cancellationToken);
        var stored = DocumentsFileReader.Open(Path.Combine(directory, documents), keys.Length, cancellationToken);
        return new Segment(fields, values, keys, stored);
    }

    /// <summary>The two file names of a segment, as a commit lists them.</summary>
    public static string[] FileNamesOf(string name)
    {
        var (index, documents) = FileNames(name);
        return [index, documents];
    }

    /// <summary>True for a file name a segment could own (either extension).</summary>
    public static bool IsSegmentFile(string fileName) =>
        fileName.EndsWith(IndexFileFormat.IndexExtension, StringComparison.Ordinal)
        || fileName.EndsWith(IndexFileFormat.DocumentsExtension, StringComparison.Ordinal);

    private static (string Index, string Documents) FileNames(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['/', '\\', ':']) >= 0 || name is "." or "..")
        {
            throw new ArgumentException($"search index: '{name}' is not a segment name (a plain file name without an extension)", nameof(name));
        }
        return (name + IndexFileFormat.IndexExtension, name + IndexFileFormat.DocumentsExtension);
    }
}
