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
    /// <summary>
    /// Builds from batches of documents; only the adds, the commit and the merge are timed, not what
    /// produces the next batch.
    /// </summary>
    public static async ValueTask<(SearchIndex Index, PaperboyBuildFigures Figures)> RunAsync(
        IAsyncEnumerable<IReadOnlyList<SearchDocument>> batches, string directory, SearchSettings settings)
    {
        var count = 0;
        var added = TimeSpan.Zero;
        double committed, merged;
        var started = Stopwatch.GetTimestamp();
        using (var writer = SearchIndexWriter.Open(directory, settings))
        {
            writer.DeleteAll();
            added += Stopwatch.GetElapsedTime(started);
            await foreach (var batch in batches)
            {
                started = Stopwatch.GetTimestamp();
                foreach (var document in batch)
                {
                    writer.Add(document);
                }
                added += Stopwatch.GetElapsedTime(started);
                count += batch.Count;
            }
            started = Stopwatch.GetTimestamp();
            writer.Commit();
            committed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            started = Stopwatch.GetTimestamp();
            writer.MergeNow();
            merged = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (writer.MergeError is { } error)
            {
                throw new InvalidOperationException("bench: a merge of our index failed", error);
            }
        }
        var total = added.TotalSeconds + committed + merged;

        var opening = Stopwatch.GetTimestamp();
        var index = SearchIndex.Open(directory, settings);
        var opened = Stopwatch.GetElapsedTime(opening).TotalSeconds;
        if (index.DocumentCount != count)
        {
            throw new InvalidOperationException($"bench: our index holds {index.DocumentCount} of {count} documents");
        }

        var files = new DirectoryInfo(directory).GetFiles();
        long Bytes(string extension) => files.Where(f => f.Extension == extension).Sum(f => f.Length);
        var figures = new PaperboyBuildFigures(
            total, count / total, added.TotalSeconds, committed, merged, index.SegmentCount, opened,
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
