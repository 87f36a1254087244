using System.Diagnostics;
using Paperboy.Search;

namespace Paperboy.Bench;

/// <summary>
/// Builds our index on disk as <c>paperboy reindex</c> does (<c>PaperSearchService.ReindexAsync</c>): a
/// <see cref="SearchIndexWriter"/> with the default options over an empty directory, every document
/// added (the writer writes a segment every <see cref="IndexWriterOptions.MaxBufferedDocs"/>), one
/// commit, then <see cref="SearchIndexWriter.MergeNow"/>; then opens the committed index read-only, as a
/// restarted server would, and measures what it wrote.
/// </summary>
internal static class PaperboyBuild
{
    public static (SearchIndex Index, PaperboyBuildFigures Figures) Run(IReadOnlyList<SearchDocument> documents, string directory, SearchSettings settings)
    {
        var started = Stopwatch.GetTimestamp();
        double added, committed;
        using (var writer = SearchIndexWriter.Open(directory, settings))
        {
            writer.DeleteAll();
            foreach (var document in documents)
            {
                writer.Add(document);
            }
            added = Stopwatch.GetElapsedTime(started).TotalSeconds;
            writer.Commit();
            committed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            writer.MergeNow();
            if (writer.MergeError is { } error)
            {
                throw new InvalidOperationException("bench: a merge of our index failed", error);
            }
        }
        var total = Stopwatch.GetElapsedTime(started).TotalSeconds;

        started = Stopwatch.GetTimestamp();
        var index = SearchIndex.Open(directory, settings);
        var opened = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (index.DocumentCount != documents.Count)
        {
            throw new InvalidOperationException($"bench: our index holds {index.DocumentCount} of {documents.Count} documents");
        }

        var files = new DirectoryInfo(directory).GetFiles();
        long Bytes(string extension) => files.Where(f => f.Extension == extension).Sum(f => f.Length);
        var figures = new PaperboyBuildFigures(
            total, documents.Count / total, added, committed - added, total - committed, index.SegmentCount, opened,
            index.Segments.Segments.Sum(s => s.Segment.InvertedIndexBytes), Bytes(".pbi"), Bytes(".pbd"), files.Sum(f => f.Length));
        return (index, figures);
    }
}

/// <summary>
/// Our build: seconds in total and by step, and what is on disk. <see cref="InvertedIndexBytes"/> is the
/// term dictionaries (term bytes, term offsets, postings and positions offsets), postings and positions
/// of the three text fields: their sections of the .pbi files, but for 16 bytes of counts per field and
/// segment (<c>SegmentIndexFile</c>). The .pbi files add the field lengths, years, dates,
/// upvotes, categories and keys; the .pbd files hold the stored documents.
/// </summary>
internal sealed record PaperboyBuildFigures(
    double Seconds,
    double DocsPerSecond,
    double AddSeconds,
    double CommitSeconds,
    double MergeSeconds,
    int Segments,
    double OpenSeconds,
    long InvertedIndexBytes,
    long IndexFileBytes,
    long DocumentFileBytes,
    long AllFileBytes);
