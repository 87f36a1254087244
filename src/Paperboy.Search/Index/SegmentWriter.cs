using System.Text;

namespace Paperboy.Search.Indexing;

/// <summary>
/// Analyzes documents and writes them into a <see cref="Segment"/>. Runs of documents are analyzed
/// on all cores at once (<see cref="SegmentChunk"/>), or were analyzed as they were added
/// (<see cref="SegmentBuilder"/>); then, per field, the terms of all chunks are
/// sorted and split into runs of about equal postings, and each run's terms are block-encoded on its
/// own core, each term's postings taken chunk by chunk, so doc ids keep the order documents were added
/// and the segment is the one <see cref="ReferenceSegmentWriter"/> writes, whatever the split.
/// </summary>
internal static class SegmentWriter
{
    // Below this many documents a chunk's start-up (its own term ids and stem cache) outweighs the gain.
    private const int MinChunkDocs = 4_096;

    public static Segment Write(IReadOnlyList<SearchDocument> documents)
    {
        // Two chunks a core, so a core slowed by another process does not hold the others up for long.
        var chunks = Math.Clamp(documents.Count / MinChunkDocs, 1, Environment.ProcessorCount * 2);
        return Write(documents, (documents.Count + chunks - 1) / Math.Max(1, chunks));
    }

    /// <summary>Writes with a given chunk size; tests use tiny chunks to exercise the merge.</summary>
    internal static Segment Write(IReadOnlyList<SearchDocument> documents, int chunkSize)
    {
        chunkSize = Math.Max(1, chunkSize);
        var chunks = new SegmentChunk[Math.Max(1, (documents.Count + chunkSize - 1) / chunkSize)];
        Parallel.For(0, chunks.Length, c =>
        {
            var first = c * chunkSize;
            chunks[c] = SegmentChunk.Write(documents, first, Math.Min(documents.Count, first + chunkSize));
        });

        // The values and the three fields at once: collecting and sorting a field's terms, and the
        // values, run on one core each, the encoding of a field's terms on all.
        var values = new DocValuesBuilder(documents.Count);
        var keys = new string[documents.Count];
        FieldIndex[] fields = [];
        Parallel.Invoke(
            () =>
            {
                for (var doc = 0; doc < documents.Count; doc++)
                {
                    values.Set(doc, documents[doc]);
                    keys[doc] = documents[doc].Key;
                }
            },
            () => fields = WriteFields(chunks));
        return new Segment(fields, values.Build(), keys, new MemoryDocuments([.. documents]));
    }

    /// <summary>The field indexes of analyzed chunks, in order: chunk 0's documents first.</summary>
    internal static FieldIndex[] WriteFields(SegmentChunk[] chunks)
    {
        var fields = new FieldIndex[Fields.Count];
        Parallel.For(0, Fields.Count, f =>
        {
            var lengths = new int[chunks.Sum(c => c.Count)];
            foreach (var chunk in chunks)
            {
                chunk.Lengths((Field)f).CopyTo(lengths.AsSpan(chunk.FirstDoc));
            }
            fields[f] = WriteField(chunks, (Field)f, lengths);
        });
        return fields;
    }

    private static FieldIndex WriteField(SegmentChunk[] chunks, Field field, int[] lengths)
    {
        var (terms, localIds) = CollectTerms(chunks, field);
        var order = SortedOrder(terms);

        // Runs of consecutive terms of about equal bytes; four a core so a long list does not leave
        // the other cores idle at the end.
        var weights = new long[order.Length];
        long total = 0;
        for (var i = 0; i < order.Length; i++)
        {
            for (var c = 0; c < chunks.Length; c++)
            {
                var id = localIds[order[i]][c];
                weights[i] += id >= 0 ? chunks[c].Fields[(int)field].Bytes(id) : 0;
            }
            total += weights[i];
        }
        var runCount = Math.Clamp(order.Length / 256, 1, Environment.ProcessorCount * 4);
        var runStarts = new List<int> { 0 };
        long sum = 0;
        for (var i = 0; i < order.Length && runStarts.Count < runCount; i++)
        {
            sum += weights[i];
            if (sum >= total * runStarts.Count / runCount && i + 1 < order.Length)
            {
                runStarts.Add(i + 1);
            }
        }
        runStarts.Add(order.Length);

        var runs = new FieldWriter[runStarts.Count - 1];
        Parallel.For(0, runs.Length, r =>
        {
            // The chunks' bytes bound the positions (copied as they are) and roughly double the
            // postings (packed gaps and frequencies), so the buffers rarely grow.
            long bytes = 0;
            for (var i = runStarts[r]; i < runStarts[r + 1]; i++)
            {
                bytes += weights[i];
            }
            var writer = new FieldWriter((int)Math.Min(bytes / 2, Array.MaxLength), (int)Math.Min(bytes, Array.MaxLength));
            for (var i = runStarts[r]; i < runStarts[r + 1]; i++)
            {
                var slot = order[i];
                for (var c = 0; c < chunks.Length; c++)
                {
                    var id = localIds[slot][c];
                    if (id >= 0)
                    {
                        chunks[c].Fields[(int)field].WriteTo(id, chunks[c].FirstDoc, lengths, writer.Encoder);
                    }
                }
                writer.FinishTerm(terms[slot]);
            }
            runs[r] = writer;
        });
        return FieldWriter.Build(runs, lengths);
    }

    // Every term of the field (as UTF-8) with, per chunk in order, its id there (or -1).
    private static (List<byte[]> Terms, List<int[]> LocalIds) CollectTerms(SegmentChunk[] chunks, Field field)
    {
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<byte[]>();
        var localIds = new List<int[]>();
        for (var c = 0; c < chunks.Length; c++)
        {
            var writer = chunks[c].Fields[(int)field];
            var chunkTerms = chunks[c].InternerFor(field).Terms;
            for (var id = 0; id < chunkTerms.Count; id++)
            {
                if (!writer.Has(id))
                {
                    continue;
                }
                if (!slots.TryGetValue(chunkTerms[id], out var slot))
                {
                    slot = terms.Count;
                    slots.Add(chunkTerms[id], slot);
                    terms.Add(Encoding.UTF8.GetBytes(chunkTerms[id]));
                    var ids = new int[chunks.Length];
                    Array.Fill(ids, -1);
                    localIds.Add(ids);
                }
                localIds[slot][c] = id;
            }
        }
        return (terms, localIds);
    }

    // The slots of the terms in UTF-8 byte order, the dictionary's order.
    private static int[] SortedOrder(List<byte[]> terms)
    {
        var order = new int[terms.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) => terms[a].AsSpan().SequenceCompareTo(terms[b]));
        return order;
    }
}
