using System.Runtime.ExceptionServices;
using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

/// <summary>
/// What a search reads: the snapshot's segments, their collection statistics and the settings;
/// BM25F bound to each segment's field lengths and the whole snapshot's averages.
/// </summary>
internal sealed class SearchContext
{
    private readonly Bm25F[] _bm25;

    public SearchContext(SegmentSet segments, SearchSettings settings)
    {
        Segments = segments;
        Settings = settings;
        var scales = segments.Bm25Scales(settings);
        _bm25 = [.. segments.Segments.Select(view => new Bm25F(settings, segments, view.Segment, scales))];
    }

    public SegmentSet Segments { get; }
    public SearchSettings Settings { get; }

    /// <summary>Live documents in the snapshot: the N of every idf.</summary>
    public int DocCount => Segments.LiveDocCount;

    public Bm25F Bm25(int segment) => _bm25[segment];

    /// <summary>
    /// Threads a search over this snapshot may spread its segments over: <see cref="SearchSettings.SearchThreads"/>,
    /// at most one a segment, and 1 for a snapshot smaller than <see cref="SearchSettings.ParallelSearchFromDocs"/>.
    /// </summary>
    public int Threads => ThreadsFor(Segments, Settings);

    private static int ThreadsFor(SegmentSet segments, SearchSettings settings) =>
        segments.LiveDocCount < settings.ParallelSearchFromDocs ? 1 : Math.Min(settings.SearchThreads, segments.Segments.Count);

    /// <summary>
    /// Wakes a pool thread when a search of this snapshot is going to run on several: after an idle
    /// moment the pool's threads sleep, and on a virtual machine waking one (and its virtual processor)
    /// took 0.1-1 ms here, longer than the search itself may take. Woken now, it is awake by the time
    /// the query is parsed and its words looked up, and the pool hands it the search's work at once.
    /// </summary>
    public static void WakeThreadsFor(SegmentSet segments, SearchSettings settings)
    {
        if (ThreadsFor(segments, settings) > 1)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static _ => { }, null);
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0 to <paramref name="count"/> - 1 on up to <see cref="Threads"/>
    /// threads (on this one when that is 1). A failure is thrown as itself, not wrapped.
    /// </summary>
    public void ForEach(int count, Action<int> body)
    {
        var threads = Threads;
        if (threads < 2)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }
            return;
        }
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }
}
