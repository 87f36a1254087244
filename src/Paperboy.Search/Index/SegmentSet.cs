using System.Collections.Concurrent;

namespace Paperboy.Search.Indexing;

/// <summary>
/// The segments of one committed state of an index, and the collection statistics BM25F needs
/// over all of them: live documents and the average field lengths of live documents. Statistics
/// leave deleted documents out entirely (unlike Lucene, which counts them until a merge), so an
/// index scores exactly as one segment built from its live documents would: the differential
/// tests compare the two. Immutable; searches share it.
/// </summary>
internal sealed class SegmentSet
{
    private readonly int[] _bases;
    private readonly double[] _averageLengths = new double[Fields.Count];
    private readonly ConcurrentDictionary<(Field Field, string Term), int> _liveDocFrequencies = new();
    private readonly ConcurrentDictionary<string, int> _proseDocFrequencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _textDocFrequencies = new(StringComparer.Ordinal);

    private CachedScales? _scales;

    // Bounds the per-snapshot cache of word and phrase counts; past it, counts are computed each time.
    private const int MaxCachedTexts = 200_000;

    public SegmentSet(IReadOnlyList<SegmentView> segments)
    {
        Segments = segments;
        _bases = [.. segments.Select(s => s.DocBase)];
        MaxDoc = segments.Count == 0 ? 0 : segments[^1].DocBase + segments[^1].Segment.DocCount;
        LiveDocCount = segments.Sum(s => s.LiveCount);
        foreach (var field in Fields.All)
        {
            long total = 0;
            foreach (var view in segments)
            {
                total += LiveLength(view, field);
            }
            _averageLengths[(int)field] = LiveDocCount == 0 ? 0 : (double)total / LiveDocCount;
        }
    }

    // A segment without deletions knows its total; only one with deletions needs a walk.
    private static long LiveLength(SegmentView view, Field field)
    {
        var index = view.Segment[field];
        if (view.Live is null)
        {
            return index.TotalLength;
        }
        long total = 0;
        var lengths = index.Lengths;
        for (var doc = 0; doc < lengths.Length; doc++)
        {
            if (view.Live.IsLive(doc))
            {
                total += lengths[doc];
            }
        }
        return total;
    }

    /// <summary>Laid out one after another from global id 0.</summary>
    public static SegmentSet Of(IEnumerable<(Segment Segment, LiveDocs? Live, string Name)> segments)
    {
        var views = new List<SegmentView>();
        var docBase = 0;
        foreach (var (segment, live, name) in segments)
        {
            views.Add(new SegmentView(segment, live, docBase, name));
            docBase += segment.DocCount;
        }
        return new SegmentSet(views);
    }

    public IReadOnlyList<SegmentView> Segments { get; }

    /// <summary>One past the highest global id, deleted documents included.</summary>
    public int MaxDoc { get; }

    public int LiveDocCount { get; }

    public double AverageLength(Field field) => _averageLengths[(int)field];

    /// <summary>
    /// BM25F's per-length field scales (<see cref="Scoring.Bm25F.Scales"/>) over this snapshot's averages,
    /// kept for the last settings asked for: an index's searches all use the same settings.
    /// </summary>
    public double[][] Bm25Scales(SearchSettings settings)
    {
        if (_scales is { } cached && ReferenceEquals(cached.Settings, settings))
        {
            return cached.Scales;
        }
        var scales = Scoring.Bm25F.Scales(settings, this);
        _scales = new CachedScales(settings, scales);
        return scales;
    }

    public SegmentView ViewOf(int doc) => Segments[OrdinalOf(doc)];

    /// <summary>The position of the segment holding a global id: the last one starting at or before it (empty segments share a start with the next).</summary>
    public int OrdinalOf(int doc)
    {
        int low = 0, high = _bases.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_bases[middle] <= doc)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return low;
    }

    public string Key(int doc)
    {
        var view = ViewOf(doc);
        return view.Segment.Key(doc - view.DocBase);
    }

    public SearchDocument Document(int doc)
    {
        var view = ViewOf(doc);
        return view.Segment.Document(doc - view.DocBase);
    }

    public int Year(int doc)
    {
        var view = ViewOf(doc);
        return view.Segment.Values.Years[doc - view.DocBase];
    }

    /// <summary>The publication date as a day number (<see cref="DateOnly.DayNumber"/>), <see cref="DocValues.NoDate"/> when unknown.</summary>
    public int Date(int doc)
    {
        var view = ViewOf(doc);
        return view.Segment.Values.Dates[doc - view.DocBase];
    }

    public int Upvotes(int doc)
    {
        var view = ViewOf(doc);
        return view.Segment.Values.Upvotes[doc - view.DocBase];
    }

    /// <summary>
    /// Live documents holding the term in the field. A segment without deletions answers from its
    /// dictionary; one with deletions costs a walk over the term's postings, once per snapshot.
    /// </summary>
    public int DocFrequency(Field field, string term) => _liveDocFrequencies.GetOrAdd((field, term), static (key, set) =>
    {
        var total = 0;
        foreach (var view in set.Segments)
        {
            if (view.Segment[key.Field].Find(key.Term) is not { } postings)
            {
                continue;
            }
            if (view.Live is null)
            {
                total += postings.DocFrequency;
                continue;
            }
            var cursor = new Scoring.PostingsCursor(postings);
            for (var doc = cursor.NextDoc(); doc != Scoring.Scorer.NoMoreDocs; doc = cursor.NextDoc())
            {
                total += view.Live.IsLive(doc) ? 1 : 0;
            }
        }
        return total;
    }, this);

    /// <summary>
    /// How many live documents hold <paramref name="term"/> in the title or the abstract (the n of a
    /// feedback word's idf), counted by <paramref name="count"/> on first use and then kept: the
    /// snapshot never changes, and feedback words, the feedback documents' commonest words, have the
    /// longest postings, so merging a title and an abstract list on every search cost more than the
    /// rest of the search.
    /// </summary>
    public int ProseDocFrequency(string term, Func<string, int> count) => _proseDocFrequencies.GetOrAdd(term, count);

    /// <summary>
    /// The live document frequency of a word over several fields or of a phrase, by a key naming its
    /// fields and terms: counted by <paramref name="count"/> once per snapshot, then kept.
    /// </summary>
    public int CachedDocFrequency(string key, Func<int> count)
    {
        if (_textDocFrequencies.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var counted = count();
        if (_textDocFrequencies.Count < MaxCachedTexts)
        {
            _textDocFrequencies.TryAdd(key, counted);
        }
        return counted;
    }
}

/// <summary>A snapshot's BM25F scales with the settings they were computed for; replaced whole, so readers never see a mix.</summary>
internal sealed record CachedScales(SearchSettings Settings, double[][] Scales);
