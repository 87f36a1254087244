using Paperboy.Search.Scoring;

namespace Paperboy.Search.Indexing;

/// <summary>
/// Merges segments into one at the postings level, as Lucene's SegmentMerger and tantivy's
/// IndexMerger do: no text is analyzed again. The live documents of source 0 come first, in doc
/// order, then those of source 1, and so on; per field, the sources' sorted term dictionaries are
/// walked together, and each term's postings are read source by source, renumbered, stripped of
/// deleted documents and block-encoded again, their positions copied as the bytes they are. Stored
/// documents stay in the sources until the merged segment is written (<see cref="MergedDocuments"/>),
/// so the sources must outlive that. The result is the segment <see cref="SegmentWriter"/>
/// would write from the live documents in that order, array for array (the tests check it).
/// </summary>
internal static class SegmentMerger
{
    /// <param name="sources">The segments and their deletions (null: none), in the order their documents are to follow.</param>
    public static Segment Merge(IReadOnlyList<(Segment Segment, LiveDocs? Live)> sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var docMaps = new int[sources.Count][];
        var docCount = 0;
        for (var s = 0; s < sources.Count; s++)
        {
            var (segment, live) = sources[s];
            if (live is not null && live.DocCount != segment.DocCount)
            {
                throw new ArgumentException($"search index: source {s} has {segment.DocCount} documents but its live docs cover {live.DocCount}", nameof(sources));
            }
            var map = new int[segment.DocCount];
            for (var doc = 0; doc < map.Length; doc++)
            {
                map[doc] = live is null || live.IsLive(doc) ? docCount++ : -1;
            }
            docMaps[s] = map;
        }

        var lengths = new int[Fields.Count][];
        for (var f = 0; f < Fields.Count; f++)
        {
            lengths[f] = new int[docCount];
        }
        var values = new DocValuesBuilder(docCount);
        var keys = new string[docCount];
        var sourceOf = new int[docCount];
        var docOf = new int[docCount];
        for (var s = 0; s < sources.Count; s++)
        {
            var segment = sources[s].Segment;
            var old = segment.Values;
            for (var doc = 0; doc < segment.DocCount; doc++)
            {
                var target = docMaps[s][doc];
                if (target < 0)
                {
                    continue;
                }
                if ((target & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                for (var f = 0; f < Fields.Count; f++)
                {
                    lengths[f][target] = segment.FieldIndexes[f].Lengths[doc];
                }
                values.Set(target, old.Years[doc], old.Dates[doc], old.Upvotes[doc], old.Categories[doc].Select(id => old.CategoryNames[id]));
                keys[target] = segment.Key(doc);
                sourceOf[target] = s;
                docOf[target] = doc;
            }
        }

        var fields = new FieldIndex[Fields.Count];
        Parallel.For(0, Fields.Count, new ParallelOptions { CancellationToken = cancellationToken },
            f => fields[f] = MergeField(sources, docMaps, f, lengths[f], cancellationToken));
        var documents = new MergedDocuments([.. sources.Select(source => source.Segment.StoredDocuments)], sourceOf, docOf);
        return new Segment(fields, values.Build(), keys, documents);
    }

    private static FieldIndex MergeField(IReadOnlyList<(Segment Segment, LiveDocs? Live)> sources, int[][] docMaps, int field,
        int[] lengths, CancellationToken cancellationToken)
    {
        var writer = new FieldWriter();
        var indexes = sources.Select(s => s.Segment.FieldIndexes[field]).ToArray();
        var ordinals = new int[indexes.Length];
        var holders = new List<int>(indexes.Length);
        while (true)
        {
            // The smallest current term, and which sources are on it (in source order).
            ReadOnlySpan<byte> term = default;
            holders.Clear();
            for (var s = 0; s < indexes.Length; s++)
            {
                if (ordinals[s] == indexes[s].Terms.Count)
                {
                    continue;
                }
                var candidate = indexes[s].Terms.TermBytes(ordinals[s]);
                var order = holders.Count == 0 ? -1 : candidate.SequenceCompareTo(term);
                if (order < 0)
                {
                    holders.Clear();
                    term = candidate;
                }
                if (order <= 0)
                {
                    holders.Add(s);
                }
            }
            if (holders.Count == 0)
            {
                return FieldWriter.Build([writer], lengths);
            }
            if ((writer.TermCount & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            foreach (var s in holders)
            {
                var map = docMaps[s];
                var cursor = new PostingsCursor(indexes[s].PostingsAt(ordinals[s]++));
                for (var doc = cursor.NextDoc(); doc != Scorer.NoMoreDocs; doc = cursor.NextDoc())
                {
                    var target = map[doc];
                    if (target >= 0)
                    {
                        writer.Encoder.Add(target, cursor.Freq, cursor.RawPositions, lengths[target]);
                    }
                }
            }
            writer.FinishTerm(term);
        }
    }
}
