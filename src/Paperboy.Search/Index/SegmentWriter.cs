namespace Paperboy.Search.Indexing;

/// <summary>
/// Analyzes documents and writes them into a <see cref="Segment"/>. Runs of documents are analyzed
/// on all cores at once (<see cref="SegmentChunk"/>), then each term's postings are concatenated
/// chunk by chunk, so doc ids keep the order documents were added and the segment is the one
/// <see cref="ReferenceSegmentWriter"/> writes, whatever the split.
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
        var lengths = new int[Fields.Count][];
        for (var f = 0; f < Fields.Count; f++)
        {
            lengths[f] = new int[documents.Count];
        }
        var chunks = new SegmentChunk[Math.Max(1, (documents.Count + chunkSize - 1) / chunkSize)];
        Parallel.For(0, chunks.Length, c =>
        {
            var first = c * chunkSize;
            chunks[c] = SegmentChunk.Write(documents, first, Math.Min(documents.Count, first + chunkSize), lengths);
        });

        var years = new int[documents.Count];
        var categories = new int[documents.Count][];
        var categoryIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var doc = 0; doc < documents.Count; doc++)
        {
            years[doc] = documents[doc].Year ?? DocValues.NoYear;
            categories[doc] = InternCategories(documents[doc].Categories, categoryIds);
        }

        var fields = new FieldIndex[Fields.Count];
        for (var f = 0; f < Fields.Count; f++)
        {
            fields[f] = new FieldIndex(new TermDictionary(MergeField(chunks, (Field)f)), lengths[f]);
        }
        return new Segment(fields, new DocValues(years, categories, categoryIds), [.. documents]);
    }

    /// <summary>The exact keyword a category is stored and filtered as: trimmed, lower-case.</summary>
    public static string NormalizeCategory(string category) => category.Trim().ToLowerInvariant();

    internal static int[] InternCategories(IReadOnlyList<string>? categories, Dictionary<string, int> ids)
    {
        var result = new List<int>();
        foreach (var raw in categories ?? [])
        {
            var name = NormalizeCategory(raw ?? "");
            if (name.Length == 0)
            {
                continue;
            }
            if (!ids.TryGetValue(name, out var id))
            {
                id = ids.Count;
                ids[name] = id;
            }
            if (!result.Contains(id))
            {
                result.Add(id);
            }
        }
        return [.. result];
    }

    // Every term of the field with, per chunk in order, its id there (or -1); then the postings of
    // each term, built in parallel since terms are independent.
    private static Dictionary<string, Postings> MergeField(SegmentChunk[] chunks, Field field)
    {
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
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
                    terms.Add(chunkTerms[id]);
                    localIds.Add(Enumerable.Repeat(-1, chunks.Length).ToArray());
                }
                localIds[slot][c] = id;
            }
        }

        var postings = new Postings[terms.Count];
        Parallel.For(0, terms.Count, slot => postings[slot] = Concatenate(chunks, field, localIds[slot]));
        var result = new Dictionary<string, Postings>(terms.Count, StringComparer.Ordinal);
        for (var slot = 0; slot < terms.Count; slot++)
        {
            result.Add(terms[slot], postings[slot]);
        }
        return result;
    }

    private static Postings Concatenate(SegmentChunk[] chunks, Field field, int[] localIds)
    {
        int count = 0, bytes = 0;
        for (var c = 0; c < chunks.Length; c++)
        {
            if (localIds[c] >= 0)
            {
                count += chunks[c].Fields[(int)field].PostingCount(localIds[c]);
                bytes += chunks[c].Fields[(int)field].DataBytes(localIds[c]);
            }
        }
        var docs = new int[count];
        var starts = new int[count + 1];
        var data = new byte[bytes];
        int posting = 0, offset = 0;
        for (var c = 0; c < chunks.Length; c++)
        {
            if (localIds[c] >= 0)
            {
                chunks[c].Fields[(int)field].CopyTo(localIds[c], chunks[c].FirstDoc, docs, starts, data, ref posting, ref offset);
            }
        }
        starts[count] = offset;
        return new Postings(docs, starts, data);
    }
}
